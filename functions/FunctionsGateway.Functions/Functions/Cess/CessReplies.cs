using System.Text.Encodings.Web;
using System.Text.Json;
using FunctionsGateway.Core.CessGateway;

namespace FunctionsGateway.Functions.Functions.Cess;

/// <summary>
/// Writes CESS-Gateway's envelope <c>{"code","msg","data"}</c> (compat.md §1.2): keys in that order, <c>data</c> left
/// out when null (Go <c>omitempty</c>), <c>application/json; charset=utf-8</c> as gin sends it, the HTTP status and the
/// body code as the <see cref="CessReply"/> says (they differ in three places).
/// </summary>
internal static class CessReplies
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult ToResult(this CessReply reply) => new CessReplyResult(reply);

    public static async Task WriteAsync(HttpResponse response, CessReply reply)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(reply);
        response.StatusCode = reply.Status;
        response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("code", reply.Code);
            json.WriteString("msg", reply.Msg);
            switch (reply.Data)
            {
                case null:
                    break;
                case string text:
                    json.WriteString("data", text);
                    break;
                case IReadOnlyList<string> list:
                    json.WriteStartArray("data");
                    foreach (var item in list)
                    {
                        json.WriteStringValue(item);
                    }

                    json.WriteEndArray();
                    break;
                case CessFileState state:
                    json.WriteStartObject("data");
                    json.WriteNumber("Size", state.Size);
                    json.WriteString("State", state.State);
                    if (state.Names is null)
                    {
                        json.WriteNull("Names");
                    }
                    else
                    {
                        json.WriteStartArray("Names");
                        foreach (var name in state.Names)
                        {
                            json.WriteStringValue(name);
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                    break;
                default:
                    throw new InvalidOperationException($"No CESS envelope for data of type {reply.Data.GetType().Name}.");
            }

            json.WriteEndObject();
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), response.HttpContext.RequestAborted);
    }

    private sealed class CessReplyResult(CessReply reply) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext.Response, reply);
    }
}
