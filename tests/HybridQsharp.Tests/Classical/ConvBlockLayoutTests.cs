using HybridQsharp.Classical.Models;
using HybridQsharp.Classical.Torch;
using static TorchSharp.torch;

namespace HybridQsharp.Tests.Classical;

/// <summary>
/// The paper's block computes channels-last in memory for speed; it must compute the same function,
/// with the same gradients, as the plain NCHW composition of libtorch's functional ops.
/// </summary>
public sealed class ConvBlockLayoutTests
{
    [Theory]
    [InlineData(1, 16, true)]
    [InlineData(16, 32, true)]
    [InlineData(32, 64, false)]
    public void ChannelsLastBlockEqualsTheNchwCompositionWithItsGradients(int inChannels, int outChannels, bool pooled)
    {
        TorchNativeLibrary.EnsureLoaded();
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        using var block = new ConvBlock("block", inChannels, outChannels, pooled);
        block.train();
        var parameters = block.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var input = randn([8, inChannels, 14, 14], generator: generator).requires_grad_();
        var reference = input.detach().clone().requires_grad_();

        var output = block.forward(input);
        var expected = nn.functional.relu(nn.functional.batch_norm(
            nn.functional.conv2d(reference, parameters["conv.weight"], parameters["conv.bias"], padding: [1, 1]),
            zeros(outChannels), ones(outChannels), parameters["norm.weight"], parameters["norm.bias"], training: true));
        if (pooled)
        {
            expected = nn.functional.max_pool2d(expected, 2);
        }

        Assert.Equal(expected.shape, output.shape);
        Assert.Equal(1, output.stride(1)); // channels-last in memory
        Assert.True(allclose(output, expected, rtol: 1e-4, atol: 1e-5), $"max |difference| {(output - expected).abs().max().item<float>()}");

        var weights = randn(output.shape, generator: generator);
        var gradients = autograd.grad([(output * weights).sum()], [input, parameters["conv.weight"]]);
        var expectedGradients = autograd.grad([(expected * weights).sum()], [reference, parameters["conv.weight"]]);
        for (var i = 0; i < 2; i++)
        {
            Assert.True(allclose(gradients[i], expectedGradients[i], rtol: 1e-3, atol: 1e-4),
                $"gradient {i}: max |difference| {(gradients[i] - expectedGradients[i]).abs().max().item<float>()}");
        }
    }
}
