namespace EdgeNet.Diagnostics;

/// <summary>
/// A snapshot of numbers shaped as the tutorial shapes them: a row vector is 1×n (x is 1×25, z1 is 1×8),
/// a weight matrix is inputs×outputs (W1 is 25×8), a scalar such as the loss is 1×1.
/// </summary>
/// <remarks>Values are copied when the snapshot is taken, so later training does not change them.</remarks>
public sealed class TraceMatrix
{
    private readonly double[] _values;

    /// <summary>Copies <paramref name="values"/> (row by row) as a <paramref name="rows"/>×<paramref name="columns"/> matrix.</summary>
    public TraceMatrix(int rows, int columns, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"A {rows}×{columns} matrix needs {rows * columns} values, got {values.Length}.", nameof(values));
        }
        Rows = rows;
        Columns = columns;
        _values = values.ToArray();
    }

    /// <summary>A 1×n row vector, as the tutorial's x, z, h, p.</summary>
    public static TraceMatrix Row(ReadOnlySpan<double> values) => new(1, values.Length, values);

    /// <summary>A 1×1 matrix holding one number, such as the loss.</summary>
    public static TraceMatrix Scalar(double value) => new(1, 1, [value]);

    /// <summary>Number of rows (1 for a vector).</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Rows × columns.</summary>
    public int Count => _values.Length;

    /// <summary>True for a 1×n row vector (a scalar too).</summary>
    public bool IsVector => Rows == 1;

    /// <summary>True for a single number.</summary>
    public bool IsScalar => _values.Length == 1;

    /// <summary>All values, row by row: element [r, c] is at <c>r * Columns + c</c>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Element [row, column].</summary>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            return _values[row * Columns + column];
        }
    }

    /// <summary>Element <paramref name="index"/> counted row by row (the i-th value of a vector).</summary>
    public double this[int index] => _values[index];

    /// <summary>The values of one row.</summary>
    public ReadOnlySpan<double> GetRow(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _values.AsSpan(row * Columns, Columns);
    }
}
