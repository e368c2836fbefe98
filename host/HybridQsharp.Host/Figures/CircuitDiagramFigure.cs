using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;

namespace HybridQsharp.Host.Figures;

/// <summary>
/// Draws a <see cref="CircuitDiagram"/>: one wire per qubit, gates as labelled boxes (name and angle),
/// control dots, CNOT targets (⊕), measurements and resets. Gates are packed into columns as early as the
/// wires they span allow; the figure widens with the number of columns.
/// </summary>
public static class CircuitDiagramFigure
{
    private const double LabelWidth = 70;
    private const double Margin = 16;
    private const double WireSpacing = 70;
    private const double BoxHalfHeight = 0.32; // in wire spacings
    private const double FontSize = 12;

    public static FigureFiles Write(FigureWriter writer, string directory, string name, string title, CircuitDiagram circuit)
    {
        var layout = Layout(circuit);
        var width = (int)Math.Ceiling(Math.Max(writer.Options.Width, layout.Width + 2 * Margin));
        var height = (int)Math.Ceiling(Math.Max(300, circuit.Qubits.Count * WireSpacing + 110));
        return writer.Write(Create(title, circuit, width), directory, name, width, height);
    }

    /// <summary>The diagram for a PNG <paramref name="width"/> px wide (x is laid out in pixels).</summary>
    public static PlotModel Create(string title, CircuitDiagram circuit, int width)
    {
        if (circuit.Qubits.Count == 0)
        {
            throw new FigureInputException("A circuit diagram needs at least one qubit.");
        }

        var layout = Layout(circuit);
        var wire = circuit.Qubits.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => (double)p.row);
        var plot = PlotStyle.Model(title, legend: null);
        plot.Subtitle = $"{circuit.Qubits.Count} qubits, {circuit.Operations.Count} operations, {layout.Columns.Count} columns";
        plot.PlotAreaBorderThickness = new OxyThickness(0);
        plot.PlotMargins = new OxyThickness(Margin, 8, Margin, 8);
        var plotWidth = width - 2 * Margin;
        plot.Axes.Add(new LinearAxis { Position = AxisPosition.Bottom, Minimum = 0, Maximum = plotWidth, IsAxisVisible = false });
        plot.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left, Minimum = -0.6, Maximum = circuit.Qubits.Count - 0.4, StartPosition = 1, EndPosition = 0,
            IsAxisVisible = false,
        });

        var end = Math.Max(layout.Width, plotWidth - 4);
        foreach (var (id, row) in wire)
        {
            plot.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Horizontal, Y = row, MinimumX = LabelWidth - 8, MaximumX = end,
                Color = OxyColors.Black, LineStyle = LineStyle.Solid, StrokeThickness = 1 });
            // ASCII ">" rather than "⟩": the fonts Skia finds on a plain Linux machine lack U+27E9.
            plot.Annotations.Add(Text($"q{id}  |0>", LabelWidth - 12, row, HorizontalAlignment.Right, FontSize, OxyColors.Black));
        }

        foreach (var (op, column) in circuit.Operations.Zip(layout.ColumnOf))
        {
            var x = layout.Centres[column];
            var half = layout.Columns[column] / 2 - 5;
            var rows = op.Qubits.Select(q => wire[q]).ToList();
            if (rows.Count > 1 && op.Kind != CircuitOperationKind.Group)
            {
                plot.Annotations.Add(new LineAnnotation { Type = LineAnnotationType.Vertical, X = x, MinimumY = rows.Min(), MaximumY = rows.Max(),
                    Color = OxyColors.Black, LineStyle = LineStyle.Solid, StrokeThickness = 1.2 });
            }

            foreach (var control in op.Controls)
            {
                plot.Annotations.Add(new PointAnnotation { X = x, Y = wire[control], Shape = MarkerType.Circle, Size = 5, Fill = OxyColors.Black });
            }

            if (op is { Kind: CircuitOperationKind.Unitary, Gate: "X", Controls.Count: > 0, IsAdjoint: false })
            {
                foreach (var target in op.Targets)
                {
                    plot.Annotations.Add(new PointAnnotation { X = x, Y = wire[target], Shape = MarkerType.Circle, Size = 11, Fill = OxyColors.White,
                        Stroke = OxyColors.Black, StrokeThickness = 1.2 });
                    plot.Annotations.Add(new PointAnnotation { X = x, Y = wire[target], Shape = MarkerType.Plus, Size = 11, Stroke = OxyColors.Black,
                        StrokeThickness = 1.2 });
                }

                continue;
            }

            var (fill, stroke) = op.Kind switch
            {
                CircuitOperationKind.Measurement => (OxyColor.FromRgb(255, 237, 204), OxyColor.FromRgb(204, 122, 0)),
                CircuitOperationKind.Reset => (OxyColor.FromRgb(235, 235, 235), OxyColor.FromRgb(110, 110, 110)),
                CircuitOperationKind.Group => (OxyColor.FromRgb(229, 245, 224), OxyColor.FromRgb(49, 130, 50)),
                _ => (OxyColor.FromRgb(222, 235, 247), OxyColor.FromRgb(49, 110, 170)),
            };

            // A multi-target gate is one box over its span of wires; a group box covers every wire it touches.
            var top = op.Targets.Select(q => wire[q]).Min() - BoxHalfHeight;
            var bottom = op.Targets.Select(q => wire[q]).Max() + BoxHalfHeight;
            plot.Annotations.Add(new RectangleAnnotation { MinimumX = x - half, MaximumX = x + half, MinimumY = top, MaximumY = bottom, Fill = fill,
                Stroke = stroke, StrokeThickness = 1.2 });
            var middle = (top + bottom) / 2;
            var label = Label(op);
            if (op.Arguments.Count > 0)
            {
                plot.Annotations.Add(Text(label, x, middle - 0.1, HorizontalAlignment.Center, FontSize, OxyColors.Black));
                plot.Annotations.Add(Text(string.Join(", ", op.Arguments.Select(Argument)), x, middle + 0.13, HorizontalAlignment.Center,
                    FontSize - 2, OxyColor.FromRgb(60, 60, 60)));
            }
            else
            {
                plot.Annotations.Add(Text(label, x, middle, HorizontalAlignment.Center, FontSize, OxyColors.Black));
            }
        }

        return plot;
    }

    /// <summary>Column of every operation (as-soon-as-possible over the wire span it crosses) and column widths and centres in px.</summary>
    public static CircuitLayout Layout(CircuitDiagram circuit)
    {
        var row = circuit.Qubits.Select((id, r) => (id, r)).ToDictionary(p => p.id, p => p.r);
        var nextFree = new int[circuit.Qubits.Count];
        var columnOf = new List<int>();
        var widths = new List<double>();
        foreach (var op in circuit.Operations)
        {
            var rows = op.Qubits.Select(q => row.TryGetValue(q, out var r) ? r : throw new FigureInputException(
                $"Operation '{op.Gate}' uses undeclared qubit {q}.")).ToList();
            if (rows.Count == 0)
            {
                throw new FigureInputException($"Operation '{op.Gate}' acts on no qubit.");
            }

            int low = rows.Min(), high = rows.Max();
            var column = 0;
            for (var r = low; r <= high; r++)
            {
                column = Math.Max(column, nextFree[r]);
            }

            for (var r = low; r <= high; r++)
            {
                nextFree[r] = column + 1;
            }

            while (widths.Count <= column)
            {
                widths.Add(44);
            }

            widths[column] = Math.Max(widths[column], Width(op));
            columnOf.Add(column);
        }

        var centres = new List<double>();
        var x = LabelWidth + 6;
        foreach (var w in widths)
        {
            centres.Add(x + w / 2);
            x += w;
        }

        return new CircuitLayout(columnOf, widths, centres, x + 10);
    }

    private static double Width(CircuitOperation op)
    {
        // Text widths estimated at 0.62 em per character: close enough for the sans-serif fonts Skia picks.
        var label = Label(op).Length * FontSize * 0.62;
        var args = string.Join(", ", op.Arguments.Select(Argument)).Length * (FontSize - 2) * 0.62;
        return Math.Ceiling(Math.Max(label, args) + 18);
    }

    private static string Label(CircuitOperation op) => op.Kind switch
    {
        CircuitOperationKind.Measurement => "M",
        CircuitOperationKind.Reset => $"|{op.Gate}>",
        _ => op.IsAdjoint ? op.Gate + "†" : op.Gate,
    };

    /// <summary>Angles arrive as text ("0.5000"); numbers are shortened to 3 decimals, anything else is kept.</summary>
    private static string Argument(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.###", CultureInfo.InvariantCulture)
            : text;

    private static TextAnnotation Text(string text, double x, double y, HorizontalAlignment alignment, double size, OxyColor colour) => new()
    {
        Text = text,
        TextPosition = new DataPoint(x, y),
        TextHorizontalAlignment = alignment,
        TextVerticalAlignment = VerticalAlignment.Middle,
        FontSize = size,
        TextColor = colour,
        Stroke = OxyColors.Transparent,
        Background = OxyColors.Transparent,
    };
}
