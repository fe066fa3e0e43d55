using System.Runtime.InteropServices;

namespace EdgeNet.Imaging;

/// <summary>
/// libjpeg-turbo's TurboJPEG library where the system has it (Debian and Ubuntu: <c>libturbojpeg0</c>), loaded once at
/// run time: decodes a JPEG straight to its luma plane. A colour JPEG stores Y = 0.299 R + 0.587 G + 0.114 B beside
/// two colour planes; asked for gray, libjpeg-turbo decodes Y alone and skips the colour planes' inverse DCT,
/// upsampling and conversion (as OpenCV's gray imread does). Without the library, or with
/// <c>EDGENET_TURBOJPEG=0</c>, <see cref="Available"/> is false and SkiaSharp decodes every JPEG.
/// </summary>
internal static unsafe class TurboJpeg
{
    private const int PixelFormatGray = 6;                                      // TJPF_GRAY
    private static readonly Api? Functions = Load();

    /// <summary>Whether JPEGs are decoded here.</summary>
    public static bool Available => Functions is not null;

    /// <summary>
    /// Decodes <paramref name="jpeg"/> (a <paramref name="width"/>×<paramref name="height"/> JPEG, its header already
    /// read) into one gray byte a pixel; false when the library cannot, or finds anything wrong (the caller then
    /// decodes it the other way, which says what is wrong).
    /// </summary>
    public static bool DecodeGray(byte[] jpeg, int width, int height, byte[] gray)
    {
        Api api = Functions ?? throw new InvalidOperationException("TurboJPEG is not loaded.");
        nint handle = api.InitDecompress();
        if (handle == 0)
        {
            return false;
        }
        try
        {
            fixed (byte* source = jpeg)
            fixed (byte* target = gray)
            {
                int w, h, subsampling, colourspace;
                if (api.DecompressHeader3(handle, source, (nuint)jpeg.Length, &w, &h, &subsampling, &colourspace) != 0
                    || w != width || h != height || gray.Length < (long)width * height)
                {
                    return false;
                }
                return api.Decompress2(handle, source, (nuint)jpeg.Length, target, width, width, height, PixelFormatGray, 0) == 0;
            }
        }
        finally
        {
            api.Destroy(handle);
        }
    }

    private static Api? Load()
    {
        if (Environment.GetEnvironmentVariable("EDGENET_TURBOJPEG") == "0" || OperatingSystem.IsWindows())
        {
            return null;                                                        // (unsigned long is 32 bits there)
        }
        foreach (string name in new[] { "libturbojpeg.so.0", "libturbojpeg.0.dylib", "libturbojpeg.dylib" })
        {
            if (NativeLibrary.TryLoad(name, out nint library))
            {
                if (NativeLibrary.TryGetExport(library, "tjInitDecompress", out nint init)
                    && NativeLibrary.TryGetExport(library, "tjDecompressHeader3", out nint header)
                    && NativeLibrary.TryGetExport(library, "tjDecompress2", out nint decompress)
                    && NativeLibrary.TryGetExport(library, "tjDestroy", out nint destroy))
                {
                    return new Api(
                        (delegate* unmanaged<nint>)init,
                        (delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int>)header,
                        (delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int>)decompress,
                        (delegate* unmanaged<nint, int>)destroy);
                }
                NativeLibrary.Free(library);
            }
        }
        return null;
    }

    /// <summary>The four TurboJPEG 2 functions used (libjpeg-turbo 1.4 and newer have them).</summary>
    private sealed class Api(
        delegate* unmanaged<nint> init,
        delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int> header,
        delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int> decompress,
        delegate* unmanaged<nint, int> destroy)
    {
        public nint InitDecompress() => init();

        public int DecompressHeader3(nint handle, byte* jpeg, nuint size, int* width, int* height, int* subsampling, int* colourspace) =>
            header(handle, jpeg, size, width, height, subsampling, colourspace);

        public int Decompress2(nint handle, byte* jpeg, nuint size, byte* target, int width, int pitch, int height, int format, int flags) =>
            decompress(handle, jpeg, size, target, width, pitch, height, format, flags);

        public void Destroy(nint handle) => destroy(handle);
    }
}
