namespace FunctionsGateway.Core.Ipfs.Rpc;

/// <summary>
/// One part of a Kubo RPC multipart body: a file with its path (the part's <c>filename</c>, URL-decoded as Kubo
/// does, so <c>dir%2Fa.txt</c> is <c>dir/a.txt</c>), or a directory (<c>Content-Type: application/x-directory</c>).
/// <see cref="Body"/> streams the part and is valid until the next part is read.
/// </summary>
internal sealed record MultipartFilePart(string Path, string? ContentType, bool IsDirectory, Stream Body)
{
    public const string DirectoryContentType = "application/x-directory";
}
