namespace FunctionsGateway.Core.Content.UnixFs;

/// <summary>The UnixFS 1.5 <c>UnixTime</c> message (https://specs.ipfs.tech/unixfs/): seconds and optional nanoseconds.</summary>
internal readonly record struct UnixFsTime(long Seconds, uint? FractionalNanoseconds);
