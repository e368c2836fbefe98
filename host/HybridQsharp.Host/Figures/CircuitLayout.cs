namespace HybridQsharp.Host.Figures;

/// <summary>Where each operation of a circuit diagram goes: its column, and each column's width and centre (px).</summary>
public sealed record CircuitLayout(IReadOnlyList<int> ColumnOf, IReadOnlyList<double> Columns, IReadOnlyList<double> Centres, double Width);
