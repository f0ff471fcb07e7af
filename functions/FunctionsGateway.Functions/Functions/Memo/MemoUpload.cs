using FunctionsGateway.Core.Memo;
using FunctionsGateway.Core.Memo.Auth;
using FunctionsGateway.Core.Memo.Files;
using FunctionsGateway.Functions.Hosting;

namespace FunctionsGateway.Functions.Functions.Memo;

/// <summary>
/// <c>POST /memo/{mefs|ipfs}/</c>, multipart <c>file</c> streamed through the upload pipeline to the storage type's
/// backend (compat §2.4, §2.5). A JWT caller gets <c>{"cid","id"}</c>, a DID caller (signed form fields, and the
/// voucher <c>size</c>/<c>sign</c> when the chain is configured) <c>{"Mid"}</c>; both hold the file's CID.
/// </summary>
internal static class MemoUpload
{
    public const string Name = "MemoUpload";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/{storage}", HandleAsync).AsFunction(Name)
            .WithMetadata(UnlimitedRequestBody.Instance)
            // No Accepts metadata: routing would answer 415 itself, where the original answers 500 (compat §2.1).
            .Produces<MemoUploadResponse>()
            .Produces<MemoDidUploadResponse>();

    private static async Task<IResult> HandleAsync(string storage, HttpContext context, MemoJwtScheme jwt, MemoFileService files, CancellationToken cancellationToken)
    {
        var type = MemoStorage.Parse(storage);
        MemoCaller? caller = null;
        if (context.Request.Headers.Authorization.Count > 0)
        {
            var result = await jwt.AuthenticateAsync(context.Request, cancellationToken);
            if (!result.Succeeded)
            {
                return MemoResults.Error(MemoErrorKind.Authentication, result.Detail ?? MemoTokenService.InvalidToken);
            }

            caller = MemoCaller.From(result.Principal!);
        }

        var (item, uploader) = await files.UploadAsync(type, context.Request, caller, cancellationToken);
        return uploader.IsDid
            ? MemoResults.Json(new MemoDidUploadResponse(item.Mid), MemoJsonContext.Default.MemoDidUploadResponse)
            : MemoResults.Json(new MemoUploadResponse(item.Mid, item.Mid), MemoJsonContext.Default.MemoUploadResponse);
    }
}
