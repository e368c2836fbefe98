using System.ComponentModel.DataAnnotations;

namespace HybridQsharp.Host.Figures;

/// <summary>The default size of a figure; figures whose content grows (100-class heat maps, long circuits) scale up from it.</summary>
public sealed class FigureOptions
{
    public const string Section = "Figures";

    /// <summary>Width of the PNG in pixels (SVG uses the same number of points).</summary>
    [Range(200, 10000)]
    public int Width { get; set; } = 1000;

    /// <summary>Height of the PNG in pixels.</summary>
    [Range(150, 10000)]
    public int Height { get; set; } = 650;

    /// <summary>Throws <see cref="FigureInputException"/> when a value is out of range.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new FigureInputException("Invalid figure options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }
}
