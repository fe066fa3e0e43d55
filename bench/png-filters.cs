// Which PNG filter and zlib setting to encode edge maps with: sizes and CPU per encode of one gray map, filters None
// and Sub, zlib level 1 (the strategies .NET exposes), 2 and 6. The map comes as raw bytes, e.g. from OpenCV:
//   python3 -c "import cv2; open(\"map.raw\",\"wb\").write(cv2.imread(\"NAME.edges.png\", 0).tobytes())"
// Usage: dotnet run bench/png-filters.cs -- map.raw WIDTH   (docs/scan.md, "What runs")
using System.Diagnostics;
using System.IO.Compression;

string path = args[0]; int width = int.Parse(args[1]);
byte[] gray = File.ReadAllBytes(path); int height = gray.Length / width;
foreach (bool sub in new[] { true, false })
{
    byte[] filtered = new byte[height * (width + 1)];
    for (int y = 0; y < height; y++)
    {
        filtered[y * (width + 1)] = (byte)(sub ? 1 : 0);
        for (int x = 0; x < width; x++)
        {
            byte v = gray[y * width + x];
            filtered[y * (width + 1) + 1 + x] = sub ? (byte)(v - (x > 0 ? gray[y * width + x - 1] : 0)) : v;
        }
    }
    foreach (var (level, strategy) in new[] { (1, ZLibCompressionStrategy.Default), (1, ZLibCompressionStrategy.RunLengthEncoding), (1, ZLibCompressionStrategy.HuffmanOnly), (1, ZLibCompressionStrategy.Fixed), (2, ZLibCompressionStrategy.Default), (6, ZLibCompressionStrategy.Default) })
    {
        long size = 0; var t = Stopwatch.StartNew(); var cpu0 = Environment.CpuUsage.TotalTime; int reps = 20;
        for (int r = 0; r < reps; r++)
        {
            var ms = new MemoryStream();
            using (var d = new DeflateStream(ms, new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = strategy }, leaveOpen: true)) d.Write(filtered);
            size = ms.Length;
        }
        var cpu = (Environment.CpuUsage.TotalTime - cpu0).TotalMilliseconds / reps;
        Console.WriteLine($"{(sub ? "Sub " : "None")} level {level} {strategy,-18} {size,9} bytes  {cpu,7:F2} ms CPU/encode  ({filtered.Length / 1e6 / (cpu / 1000):F0} MB/s)");
    }
}
