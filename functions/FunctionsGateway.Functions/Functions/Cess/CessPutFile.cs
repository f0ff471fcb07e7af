using FunctionsGateway.Core.CessGateway;
using FunctionsGateway.Core.Uploads;
using FunctionsGateway.Functions.Hosting;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// <c>PUT /cess/{filename}</c>, multipart field <c>file</c> (compat.md §1.5): the field is streamed into the upload
/// pipeline as it arrives (never buffered whole); 200 <c>{"code":200,"msg":"success","data":"&lt;fid&gt;"}</c> once
/// staged. The steps keep the original's order: preamble, per-user duplicate name, Content-Length, the field, space.
/// </summary>
internal static class CessPutFile
{
    public const string Name = "CessPut";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/{filename}", HandleAsync).AsFunction(Name).RequireCessToken()
            .WithMetadata(UnlimitedRequestBody.Instance)
            .Produces(StatusCodes.Status200OK, contentType: "application/json");

    private static async Task<IResult> HandleAsync(string filename, HttpContext context, CessFileService files, CancellationToken cancellationToken)
    {
        // Kestrel decodes every escape but %2F; a name with a slash (or '..') is no single file name.
        if (!FileNames.IsValidPathSegment(filename))
        {
            return CessReply.Of(400, CessMessages.HttpError).ToResult();
        }

        var owner = context.GetPrincipal().IdentityId;
        if (!await files.ReserveNameAsync(owner, filename, cancellationToken))
        {
            return CessReply.Of(403, CessMessages.DuplicateFilename).ToResult();
        }

        var reserved = true;
        try
        {
            var request = context.Request;
            if (request.ContentLength is not > 0 || MultipartBoundary(request.ContentType) is not { } boundary)
            {
                return CessReply.Of(400, CessMessages.HttpError).ToResult();
            }

            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFileDisposition() && disposition.Name.Value == "file")
                {
                    reserved = false; // the upload releases the name itself when it fails
                    return (await files.UploadAsync(owner, filename, section.Body, request.ContentLength.Value, cancellationToken)).ToResult();
                }
            }

            return CessReply.Of(400, CessMessages.HttpError).ToResult();
        }
        catch (Exception e) when (e is ConnectionResetException || (e is BadHttpRequestException bad && bad.StatusCode != StatusCodes.Status413PayloadTooLarge))
        {
            // The body stopped arriving before its Content-Length: the original's 504.
            return CessReply.Of(504, CessMessages.NetworkFailed).ToResult();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UploadTooLargeException or BadHttpRequestException)
        {
            // The whole body arrived but its multipart framing is broken (MultipartReader: IOException or
            // InvalidDataException), or it is over Gateway:Uploads:MaxFileBytes.
            return CessReply.Of(400, CessMessages.HttpError).ToResult();
        }
        finally
        {
            if (reserved)
            {
                await files.ReleaseNameAsync(owner, filename);
            }
        }
    }

    private static string? MultipartBoundary(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value is { Length: > 0 and <= 70 } boundary ? boundary : null
            : null;
}
