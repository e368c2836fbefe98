using System.Buffers.Binary;
using System.Text;

namespace HybridQsharp.Classical.Torch;

/// <summary>
/// Rewrites an ELF64 shared library so that one symbol version it requires from a dependency
/// becomes optional: the version-needs entry is flagged VER_FLG_WEAK and every dynamic symbol
/// bound to that version is unversioned. This is what <c>patchelf --clear-symbol-version</c>
/// plus a weak vernaux flag achieve, done in process so no tool has to be installed.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's glue library asks for GLIBCXX_3.4.32 for a single link anchor
/// (<c>std::ios_base_library_init</c>) that is never called; Debian 12's libstdc++ ends at
/// GLIBCXX_3.4.30. Making that one requirement weak is the smallest change that loads.
/// </remarks>
public static class ElfVersionNeedPatch
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint ShtGnuVersym = 0x6fffffff;
    private const ushort VerFlgWeak = 0x2;
    private const ushort VerNdxGlobal = 1;

    /// <summary>Result of a patch: how many symbols lost the version.</summary>
    public readonly record struct Outcome(bool VersionFound, int SymbolsUnversioned);

    /// <summary>Patches <paramref name="image"/> (the whole file) in place.</summary>
    public static Outcome Apply(byte[] image, string version)
    {
        if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }

        if (image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException("only little-endian ELF64 is supported");
        }

        var sections = ReadSections(image);
        var verneed = sections.SingleOrDefault(s => s.Type == ShtGnuVerneed);
        var versym = sections.SingleOrDefault(s => s.Type == ShtGnuVersym);
        if (verneed.Size == 0 || versym.Size == 0)
        {
            return new Outcome(false, 0);
        }

        var strings = sections[(int)verneed.Link];
        ushort? versionIndex = null;
        var need = (int)verneed.Offset;
        for (var n = 0; n < verneed.Info; n++)
        {
            var count = U16(image, need + 2);
            var aux = need + (int)U32(image, need + 8);
            for (var a = 0; a < count; a++)
            {
                var name = CString(image, (int)strings.Offset + (int)U32(image, aux + 8));
                if (name == version)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(aux + 4), (ushort)(U16(image, aux + 4) | VerFlgWeak));
                    versionIndex = U16(image, aux + 6);
                }
                aux += (int)U32(image, aux + 12);
            }
            need += (int)U32(image, need + 12);
        }
        if (versionIndex is null)
        {
            return new Outcome(false, 0);
        }

        var unversioned = 0;
        for (var offset = (int)versym.Offset; offset < (int)(versym.Offset + versym.Size); offset += 2)
        {
            if ((U16(image, offset) & 0x7fff) != versionIndex)
            {
                continue;
            }

            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(offset), VerNdxGlobal);
            unversioned++;
        }
        return new Outcome(true, unversioned);
    }

    private readonly record struct Section(uint Type, ulong Offset, ulong Size, uint Link, uint Info);

    private static List<Section> ReadSections(byte[] image)
    {
        var table = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan(0x28)));
        var entrySize = U16(image, 0x3A);
        var count = U16(image, 0x3C);
        if (table <= 0 || entrySize < 64 || table + (long)entrySize * count > image.Length)
        {
            throw new InvalidDataException("section header table lies outside the file");
        }

        return Enumerable.Range(0, count).Select(i =>
        {
            var h = table + i * entrySize;
            return new Section(U32(image, h + 4), BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan(h + 24)),
                BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan(h + 32)), U32(image, h + 40), U32(image, h + 44));
        }).ToList();
    }

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));

    private static string CString(byte[] b, int at) => Encoding.ASCII.GetString(b, at, Array.IndexOf(b, (byte)0, at) - at);
}
