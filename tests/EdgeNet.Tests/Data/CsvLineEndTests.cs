using System.Globalization;
using System.Text;
using EdgeNet.Data;

namespace EdgeNet.Tests.Data;

/// <summary>
/// CSV lines end with \n, \r\n or a lone \r (classic Mac), mixed in one file if need be, as StreamReader.ReadLine and
/// Python's universal newlines read them; line numbers in errors count every kind of end; the line cap still holds.
/// </summary>
public sealed class CsvLineEndTests
{
    private static readonly string[] Rows = ["0,0.1,0.9,0.9", "1,0.5,0.5,0.5", "# a comment", "", "0,0.2,0.8,0.7", "1,0.4,0.4,0.6"];

    private static Dataset Parse(string text) => CsvDataset.Parse(new StringReader(text), "data.csv", Dataset.EdgeClasses);

    private static string Refusal(string text) => Assert.Throws<InvalidDataException>(() => Parse(text)).Message;

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_end_gives_the_same_samples(string end)
    {
        // Given the rows, read from the file's text line by line by .NET's own reader
        string text = string.Join(end, Rows) + end;
        var expected = new List<string>();
        using (var reader = new StringReader(text))
        {
            while (reader.ReadLine() is { } line)
            {
                expected.Add(line);
            }
        }
        string[] samples = [.. expected.Where(l => l.Length > 0 && !l.StartsWith('#'))];

        // When
        Dataset data = Parse(text);

        // Then: one sample per line StreamReader sees, with that line's label and pixels
        Assert.Equal(4, samples.Length);
        Assert.Equal(samples.Length, data.Count);
        for (int i = 0; i < samples.Length; i++)
        {
            string[] cells = samples[i].Split(',');
            Assert.Equal(int.Parse(cells[0], CultureInfo.InvariantCulture), data.Labels[i]);
            Assert.Equal(cells[1..].Select(c => double.Parse(c, CultureInfo.InvariantCulture)), data.Sample(i).ToArray());
        }
    }

    [Fact]
    public void Mixed_line_ends_in_one_file_are_each_a_line()
    {
        // \n, then \r\n, then \r, then \r\r (a blank line), then no end at all
        string text = Rows[0] + "\n" + Rows[1] + "\r\n" + Rows[4] + "\r" + Rows[5] + "\r\r" + Rows[0];

        Dataset mixed = Parse(text);
        Dataset plain = Parse(string.Join("\n", Rows[0], Rows[1], Rows[4], Rows[5], string.Empty, Rows[0]));

        Assert.Equal(5, mixed.Count);
        Assert.Equal(plain.Labels.ToArray(), mixed.Labels.ToArray());
        Assert.Equal(plain.Features.ToArray(), mixed.Features.ToArray());
    }

    [Theory]
    [InlineData("\n", 4)]
    [InlineData("\r\n", 4)]
    [InlineData("\r", 4)]
    [InlineData("\r\r", 7)]
    [InlineData("\r\n\r\n", 7)]
    public void An_error_names_the_line_counted_over_every_kind_of_end(string end, int line)
    {
        // Given three good rows, then a bad one; a doubled end puts a blank line after each row
        string text = string.Join(end, "0,0.1,0.2", "1,0.3,0.4", "0,0.5,0.6", "1,0.3,zero") + end;

        string message = Refusal(text);

        Assert.Contains($"data.csv line {line}: value 2 'zero' is not a finite number", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_ends_keep_line_numbers_right()
    {
        // lines: 1 "\n", 2 "\r\n", 3 "\r", 4 blank "\r", 5 the bad one
        string text = "0,0.1,0.2\n1,0.3,0.4\r\n0,0.5,0.6\r\r1,0.3\n";

        Assert.Contains("data.csv line 5: expected 2 pixel values after the label, found 1", Refusal(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_of_short_lines_ended_by_cr_is_not_one_long_line()
    {
        // Given more characters than one line may hold, in short lines ended by a lone \r
        string row = "1," + string.Join(',', Enumerable.Repeat("0.5", 25)) + "\r";
        int rows = (Limits.MaxCsvLineChars / row.Length) + 10;
        var text = new StringBuilder(rows * row.Length);
        for (int i = 0; i < rows; i++)
        {
            text.Append(row);
        }
        Assert.True(text.Length > Limits.MaxCsvLineChars);

        // When
        Dataset data = Parse(text.ToString());

        // Then
        Assert.Equal(rows, data.Count);
        Assert.Equal(25, data.FeatureCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public void One_line_above_the_cap_is_refused_in_one_line(string end)
    {
        // Given a first line one character longer than the cap, with or without an end
        string text = "0," + new string('5', Limits.MaxCsvLineChars - 1) + end + "1,0.5\r";

        string message = Refusal(text);

        Assert.Equal($"data.csv line 1 is longer than {Limits.Count(Limits.MaxCsvLineChars)} characters.", message);
    }
}
