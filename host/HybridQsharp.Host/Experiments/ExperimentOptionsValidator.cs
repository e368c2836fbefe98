using Microsoft.Extensions.Options;

namespace HybridQsharp.Host.Experiments;

/// <summary>Checks the experiment options at host start by parsing them: each bad value becomes one failure line.</summary>
public sealed class ExperimentOptionsValidator(ExperimentSettingsParser parser) : IValidateOptions<ExperimentOptions>
{
    public ValidateOptionsResult Validate(string? name, ExperimentOptions options)
    {
        var problems = new List<string>();
        return parser.TryParse(options, problems) is null ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
