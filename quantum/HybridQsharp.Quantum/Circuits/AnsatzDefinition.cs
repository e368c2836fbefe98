namespace HybridQsharp.Quantum.Circuits;

/// <summary>
/// One choice of trainable circuit: its key on the command line, a title, and the Q# classifier
/// operation (fully qualified) that combines it with each encoding it supports. Its shape is
/// not written here: it is read from each operation's Q# shape function.
/// </summary>
public sealed record AnsatzDefinition(string Key, string Title, IReadOnlyDictionary<Encoding, string> Operations)
{
    public IEnumerable<Encoding> Encodings => Operations.Keys.Order();

    public bool Supports(Encoding encoding) => Operations.ContainsKey(encoding);

    /// <summary>The classifier operation for <paramref name="encoding"/>.</summary>
    /// <exception cref="ArgumentException">This ansatz has no classifier for that encoding.</exception>
    public string OperationFor(Encoding encoding)
    {
        if (Operations.TryGetValue(encoding, out var operation))
        {
            return operation;
        }

        var supported = string.Join(" or ", Encodings.Select(e => e.ToString().ToLowerInvariant()));
        throw new ArgumentException($"The {Key} ansatz takes {supported} encoding, not {encoding.ToString().ToLowerInvariant()}.", nameof(encoding));
    }

    public override string ToString() => Key;
}
