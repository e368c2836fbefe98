namespace HybridQsharp.Host.Numerics;

/// <summary>
/// Exact t-SNE to two dimensions: Gaussian input affinities with a per-point bandwidth found by binary search
/// on the perplexity, Student-t output affinities, and gradient descent with momentum, adaptive gains and
/// early exaggeration. Deterministic for a given seed.
/// </summary>
public static class TsneEmbedding
{
    public static double[][] Embed(IReadOnlyList<double[]> rows, TsneOptions options, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var n = rows.Count;
        if (n < 4)
        {
            throw new NumericsInputException($"t-SNE needs at least 4 points; got {n}.");
        }

        // A perplexity near N leaves no room for neighbourhoods; cap it as the reference implementations do.
        var perplexity = Math.Min(options.Perplexity, (n - 1) / 3.0);
        var p = JointProbabilities(SquaredDistances(rows), perplexity, cancellationToken);

        var random = new Random(options.Seed);
        var y = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            y[i, 0] = 1e-4 * Gaussian(random);
            y[i, 1] = 1e-4 * Gaussian(random);
        }

        var update = new double[n, 2];
        var gains = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            gains[i, 0] = gains[i, 1] = 1;
        }

        var learningRate = options.EffectiveLearningRate(n);
        var numerator = new double[n, n];
        var gradient = new double[n, 2];
        for (var iteration = 0; iteration < options.Iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var early = iteration < options.ExaggerationIterations;
            var exaggeration = early ? options.EarlyExaggeration : 1.0;
            var momentum = early ? 0.5 : 0.8;

            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var dx = y[i, 0] - y[j, 0];
                    var dy = y[i, 1] - y[j, 1];
                    var q = 1 / (1 + dx * dx + dy * dy);
                    numerator[i, j] = numerator[j, i] = q;
                    sum += 2 * q;
                }
            }

            for (var i = 0; i < n; i++)
            {
                double gx = 0, gy = 0;
                for (var j = 0; j < n; j++)
                {
                    if (j == i)
                    {
                        continue;
                    }

                    var num = numerator[i, j];
                    var force = (exaggeration * p[i, j] - num / sum) * num;
                    gx += force * (y[i, 0] - y[j, 0]);
                    gy += force * (y[i, 1] - y[j, 1]);
                }

                gradient[i, 0] = 4 * gx;
                gradient[i, 1] = 4 * gy;
            }

            for (var i = 0; i < n; i++)
            {
                for (var k = 0; k < 2; k++)
                {
                    // Delta-bar-delta: grow the step where the gradient keeps its direction, shrink it where it flips.
                    gains[i, k] = Math.Sign(gradient[i, k]) != Math.Sign(update[i, k]) ? gains[i, k] + 0.2 : gains[i, k] * 0.8;
                    gains[i, k] = Math.Max(gains[i, k], 0.01);
                    update[i, k] = momentum * update[i, k] - learningRate * gains[i, k] * gradient[i, k];
                    y[i, k] += update[i, k];
                }
            }

            double mx = 0, my = 0;
            for (var i = 0; i < n; i++)
            {
                mx += y[i, 0];
                my += y[i, 1];
            }

            for (var i = 0; i < n; i++)
            {
                y[i, 0] -= mx / n;
                y[i, 1] -= my / n;
            }
        }

        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(y[i, 0]) || !double.IsFinite(y[i, 1]))
            {
                throw new NumericsInputException("t-SNE diverged (non-finite coordinates); lower the learning rate.");
            }

            result[i] = [y[i, 0], y[i, 1]];
        }

        return result;
    }

    public static double[,] SquaredDistances(IReadOnlyList<double[]> rows)
    {
        var n = rows.Count;
        var d = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var a = rows[i];
                var b = rows[j];
                if (a.Length != b.Length)
                {
                    throw new NumericsInputException($"t-SNE input is ragged: vectors {i} and {j} differ in length.");
                }

                var s = 0.0;
                for (var k = 0; k < a.Length; k++)
                {
                    var t = a[k] - b[k];
                    s += t * t;
                }

                d[i, j] = d[j, i] = s;
            }
        }

        return d;
    }

    /// <summary>Symmetrised P: p_ij = (p_j|i + p_i|j) / 2N.</summary>
    public static double[,] JointProbabilities(double[,] distances, double perplexity, CancellationToken cancellationToken)
    {
        var n = distances.GetLength(0);
        var conditional = ConditionalProbabilities(distances, perplexity, cancellationToken);
        var p = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                p[i, j] = i == j ? 0 : Math.Max((conditional[i, j] + conditional[j, i]) / (2 * n), 1e-12);
            }
        }

        return p;
    }

    /// <summary>Row i is p_·|i, a Gaussian around point i whose bandwidth gives entropy log(perplexity) nats.</summary>
    public static double[,] ConditionalProbabilities(double[,] distances, double perplexity, CancellationToken cancellationToken)
    {
        var n = distances.GetLength(0);
        var target = Math.Log(perplexity);
        var conditional = new double[n, n];
        var row = new double[n];
        for (var i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            double beta = 1, lo = double.NegativeInfinity, hi = double.PositiveInfinity;

            // Subtracting the smallest distance keeps exp() from underflowing for far-away points.
            var min = double.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    min = Math.Min(min, distances[i, j]);
                }
            }

            for (var step = 0; step < 100; step++)
            {
                double sum = 0, weighted = 0;
                for (var j = 0; j < n; j++)
                {
                    row[j] = j == i ? 0 : Math.Exp(-(distances[i, j] - min) * beta);
                    sum += row[j];
                    weighted += row[j] * (distances[i, j] - min);
                }

                // H = log(sum) + beta * E[d] (in nats).
                var entropy = Math.Log(sum) + beta * weighted / sum;
                var difference = entropy - target;
                if (Math.Abs(difference) < 1e-5)
                {
                    break;
                }

                if (difference > 0)
                {
                    lo = beta;
                    beta = double.IsPositiveInfinity(hi) ? beta * 2 : (beta + hi) / 2;
                }
                else
                {
                    hi = beta;
                    beta = double.IsNegativeInfinity(lo) ? beta / 2 : (beta + lo) / 2;
                }
            }

            var total = 0.0;
            for (var j = 0; j < n; j++)
            {
                total += row[j];
            }

            for (var j = 0; j < n; j++)
            {
                conditional[i, j] = row[j] / total;
            }
        }

        return conditional;
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
