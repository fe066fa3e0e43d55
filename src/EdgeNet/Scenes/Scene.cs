namespace EdgeNet.Scenes;

/// <summary>
/// A drawn scene: a gray picture (<see cref="Pixels"/>, values in [0, 1], row by row) and its exact boundaries
/// (<see cref="Truth"/>: 255 on a boundary pixel, else 0). <see cref="JpegQuality"/> says whether the picture should
/// also go through a JPEG encoder at that quality when saved (0: not); the engine has no codec, so the saver does it.
/// </summary>
public sealed record Scene(int Width, int Height, double[] Pixels, byte[] Truth, int JpegQuality);
