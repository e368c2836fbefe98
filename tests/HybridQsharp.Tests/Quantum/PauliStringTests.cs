using HybridQsharp.Quantum.Tapes;

namespace HybridQsharp.Tests.Quantum;

public class PauliStringTests
{
    [Theory]
    [InlineData("Z0 Z1", "Z0 Z1")]
    [InlineData("z1*z0", "Z0 Z1")]
    [InlineData("X2", "X2")]
    [InlineData(" Y0 I1 Z3 ", "Y0 Z3")]
    [InlineData("I", "I")]
    public void ParsesAndNormalises(string text, string expected) => Assert.Equal(expected, PauliString.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("Q0")]
    [InlineData("Z")]
    [InlineData("Z0 X0")]
    [InlineData("Z-1")]
    public void RefusesWhatIsNotAPauliString(string text) => Assert.Throws<FormatException>(() => PauliString.Parse(text));

    [Fact]
    public void TapeDefaultsToZOnEachQubitAndRefusesObservablesOutsideTheRegister()
    {
        var tape = new CircuitTape(3, 0, [], []);
        Assert.True(tape.HasZOnEachObservables);
        Assert.Equal(["Z0", "Z1", "Z2"], tape.Observables.Select(o => o.ToString()));
        Assert.Equal(3, tape.OutputCount);

        var custom = new CircuitTape(3, 0, [], [], [PauliString.Parse("Z0 Z1"), PauliString.Parse("X2")]);
        Assert.False(custom.HasZOnEachObservables);
        Assert.Equal(2, custom.OutputCount);
        Assert.Throws<ArgumentException>(() => new CircuitTape(2, 0, [], [], [PauliString.Parse("X2")]));
    }
}
