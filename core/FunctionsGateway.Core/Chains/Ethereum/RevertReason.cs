using System.Globalization;
using System.Numerics;

namespace FunctionsGateway.Core.Chains.Ethereum;

/// <summary>
/// Reads the reason out of revert data: Solidity's <c>Error(string)</c> (selector <c>0x08c379a0</c>) and
/// <c>Panic(uint256)</c> (<c>0x4e487b71</c>) (https://docs.soliditylang.org/en/latest/control-structures.html#revert).
/// </summary>
public static class RevertReason
{
    private static readonly AbiFunction Error = AbiFunction.Parse("Error(string)");
    private static readonly AbiFunction Panic = AbiFunction.Parse("Panic(uint256)");

    /// <summary>
    /// The message of <c>Error(string)</c>, or <c>Panic(0x11)</c> style text for a panic; false for empty data,
    /// custom errors and malformed data.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> revertData, out string reason)
    {
        reason = string.Empty;
        try
        {
            if (revertData.Length >= 4 && revertData[..4].SequenceEqual(Error.Selector))
            {
                reason = (string)Error.DecodeCall(revertData)[0]!;
                return true;
            }

            if (revertData.Length >= 4 && revertData[..4].SequenceEqual(Panic.Selector))
            {
                var code = (BigInteger)Panic.DecodeCall(revertData)[0]!;
                reason = "Panic(0x" + code.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0') + ")";
                return true;
            }
        }
        catch (FormatException)
        {
            // Data that starts like an Error or Panic but does not decode is reported as undecodable.
            return false;
        }

        return false;
    }
}
