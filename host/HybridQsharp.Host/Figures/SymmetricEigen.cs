namespace HybridQsharp.Host.Figures;

/// <summary>
/// Eigen-decomposition of a real symmetric matrix by cyclic Jacobi rotations: slow (O(d³) per sweep)
/// but simple and accurate to machine precision, which suits the few-hundred-dimensional feature spaces drawn here.
/// </summary>
public static class SymmetricEigen
{
    /// <summary>Eigenvalues in decreasing order and the matching unit eigenvectors as the columns of Vectors.</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] symmetric, int maxSweeps = 100)
    {
        var n = symmetric.GetLength(0);
        if (symmetric.GetLength(1) != n)
        {
            throw new ArgumentException("The matrix must be square.", nameof(symmetric));
        }

        var a = (double[,])symmetric.Clone();
        var v = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            v[i, i] = 1;
        }

        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            double off = 0, diagonal = 0;
            for (var p = 0; p < n; p++)
            {
                diagonal += a[p, p] * a[p, p];
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p, q] * a[p, q];
                }
            }

            if (off <= 1e-30 * Math.Max(diagonal, double.Epsilon))
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[p, q];
                    if (Math.Abs(apq) < 1e-300)
                    {
                        continue;
                    }

                    // The rotation angle that zeroes a[p, q] (Numerical Recipes' stable form).
                    var theta = (a[q, q] - a[p, p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        var akp = a[k, p];
                        var akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var apk = a[p, k];
                        var aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        var vkp = v[k, p];
                        var vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        var values = order.Select(i => a[i, i]).ToArray();
        var vectors = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                vectors[i, k] = v[i, order[k]];
            }
        }

        return (values, vectors);
    }

    /// <summary>
    /// The <paramref name="count"/> leading eigenpairs by subspace iteration with Rayleigh-Ritz (a few extra
    /// vectors speed convergence): O(d² · iterations) instead of Jacobi's O(d³) per sweep, for wide covariance matrices.
    /// Stops when the Ritz values change by less than 1e-12 relative, or after <paramref name="maxIterations"/>.
    /// </summary>
    public static (double[] Values, double[,] Vectors) Leading(double[,] symmetric, int count, int maxIterations = 2000, int seed = 0)
    {
        var n = symmetric.GetLength(0);
        var m = Math.Min(n, count + 6);
        var random = new Random(seed);
        var q = new double[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                q[i, j] = random.NextDouble() - 0.5;
            }
        }

        Orthonormalise(q);
        var previous = new double[m];
        double[] ritz = [];
        var best = q;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var z = Multiply(symmetric, q);

            // Rayleigh quotient Qᵀ A Q, then rotate Q onto its eigenvectors.
            var small = new double[m, m];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++)
                {
                    var sum = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        sum += q[i, a] * z[i, b];
                    }

                    small[a, b] = sum;
                }
            }

            for (var a = 0; a < m; a++)
            {
                for (var b = a + 1; b < m; b++)
                {
                    small[a, b] = small[b, a] = (small[a, b] + small[b, a]) / 2;
                }
            }

            (ritz, var rotation) = Decompose(small);
            var converged = true;
            for (var k = 0; k < count; k++)
            {
                converged &= Math.Abs(ritz[k] - previous[k]) <= 1e-12 * Math.Max(Math.Abs(ritz[0]), double.Epsilon);
            }

            Array.Copy(ritz, previous, m);
            best = Multiply(q, rotation);
            if (converged && iteration > 0)
            {
                break;
            }

            q = Multiply(z, rotation);
            Orthonormalise(q);
        }

        var vectors = new double[n, count];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < count; k++)
            {
                vectors[i, k] = best[i, k];
            }
        }

        return (ritz[..count], vectors);
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), inner = a.GetLength(1), m = b.GetLength(1);
        var result = new double[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < inner; k++)
            {
                var aik = a[i, k];
                for (var j = 0; j < m; j++)
                {
                    result[i, j] += aik * b[k, j];
                }
            }
        }

        return result;
    }

    /// <summary>Modified Gram-Schmidt on the columns.</summary>
    private static void Orthonormalise(double[,] q)
    {
        int n = q.GetLength(0), m = q.GetLength(1);
        for (var j = 0; j < m; j++)
        {
            for (var p = 0; p < j; p++)
            {
                var dot = 0.0;
                for (var i = 0; i < n; i++)
                {
                    dot += q[i, j] * q[i, p];
                }

                for (var i = 0; i < n; i++)
                {
                    q[i, j] -= dot * q[i, p];
                }
            }

            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                norm += q[i, j] * q[i, j];
            }

            norm = Math.Sqrt(norm);
            for (var i = 0; i < n; i++)
            {
                q[i, j] = norm > 0 ? q[i, j] / norm : (i == j ? 1 : 0);
            }
        }
    }
}
