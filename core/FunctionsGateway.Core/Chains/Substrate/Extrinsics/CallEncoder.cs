using FunctionsGateway.Core.Chains.Substrate.Scale;

namespace FunctionsGateway.Core.Chains.Substrate.Extrinsics;

/// <summary>Encodes a runtime call: <c>u8 pallet_index ‖ u8 call_index ‖ SCALE(args…)</c> (spec/cess.md §4.3).</summary>
public static class CallEncoder
{
    public static byte[] Encode(byte palletIndex, byte callIndex, Action<ScaleWriter>? writeArguments = null)
    {
        var writer = new ScaleWriter().WriteU8(palletIndex).WriteU8(callIndex);
        writeArguments?.Invoke(writer);
        return writer.ToArray();
    }
}
