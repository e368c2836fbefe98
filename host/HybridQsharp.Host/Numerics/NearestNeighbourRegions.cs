namespace HybridQsharp.Host.Numerics;

/// <summary>
/// Class regions of a 2-D embedding: each cell of a grid over the points' bounding box takes the majority
/// class of its k nearest embedded points (ties go to the nearest). It shows how separable the classes are
/// in the projection itself, not the decision boundary of the trained model.
/// </summary>
public static class NearestNeighbourRegions
{
    /// <summary>Cells[x, y] = class index; the grid spans [MinX, MaxX] x [MinY, MaxY] at cell centres.</summary>
    public sealed record Grid(int[,] Cells, double MinX, double MaxX, double MinY, double MaxY);

    public static Grid Classify(IReadOnlyList<double[]> points, IReadOnlyList<int> labels, int classes, int k = 5, int columns = 120, int rows = 80)
    {
        if (points.Count == 0 || points.Count != labels.Count || k < 1 || columns < 2 || rows < 2)
        {
            throw new NumericsInputException($"Nearest-neighbour regions need matching points and labels (got {points.Count} and {labels.Count}), " +
                $"k >= 1 and a grid of at least 2 x 2.");
        }

        double minX = points.Min(p => p[0]), maxX = points.Max(p => p[0]);
        double minY = points.Min(p => p[1]), maxY = points.Max(p => p[1]);
        var padX = Math.Max((maxX - minX) * 0.05, 1e-9);
        var padY = Math.Max((maxY - minY) * 0.05, 1e-9);
        (minX, maxX, minY, maxY) = (minX - padX, maxX + padX, minY - padY, maxY + padY);

        var kk = Math.Min(k, points.Count);
        var cells = new int[columns, rows];
        var nearest = new (double Distance, int Label)[kk];
        var votes = new int[classes];
        for (var cx = 0; cx < columns; cx++)
        {
            var x = minX + (maxX - minX) * cx / (columns - 1);
            for (var cy = 0; cy < rows; cy++)
            {
                var y = minY + (maxY - minY) * cy / (rows - 1);
                var found = 0;
                for (var i = 0; i < points.Count; i++)
                {
                    var d = (points[i][0] - x) * (points[i][0] - x) + (points[i][1] - y) * (points[i][1] - y);
                    if (found < kk)
                    {
                        nearest[found++] = (d, labels[i]);
                    }
                    else if (d < nearest[kk - 1].Distance)
                    {
                        nearest[kk - 1] = (d, labels[i]);
                    }
                    else
                    {
                        continue;
                    }

                    // Insertion step keeps the k best sorted by distance.
                    for (var j = found - 1; j > 0 && nearest[j].Distance < nearest[j - 1].Distance; j--)
                    {
                        (nearest[j], nearest[j - 1]) = (nearest[j - 1], nearest[j]);
                    }
                }

                Array.Clear(votes);
                var best = nearest[0].Label;
                for (var j = 0; j < found; j++)
                {
                    var label = nearest[j].Label;
                    votes[label]++;
                    if (votes[label] > votes[best])
                    {
                        best = label;
                    }
                }

                cells[cx, cy] = best;
            }
        }

        return new Grid(cells, minX, maxX, minY, maxY);
    }
}
