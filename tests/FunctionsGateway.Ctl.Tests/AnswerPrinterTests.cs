using System.Net;
using System.Text.Json;

namespace FunctionsGateway.Ctl.Tests;

/// <summary><see cref="AnswerPrinter"/>: what people and scripts see, and the exit code of each kind of answer.</summary>
public sealed class AnswerPrinterTests
{
    [Fact]
    public void Print_ListHuman_ATableWithAColumnPerField()
    {
        var (exit, output, _) = Print(HttpStatusCode.OK, """{"items":[{"id":"a1","name":"alice"},{"id":"b22","name":"bob","createdAt":null}]}""");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["id   name   createdAt", "a1   alice", "b22  bob    -"], output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Print_EmptyList_None()
    {
        Assert.Equal("(none)", Print(HttpStatusCode.OK, """{"items":[]}""").Output.Trim());
    }

    [Fact]
    public void Print_NestedObjectHuman_DottedNamesAligned()
    {
        var (_, output, _) = Print(HttpStatusCode.OK, """{"action":"buy","space":{"totalSpace":"1","state":"active"},"tags":["a","b"]}""");

        Assert.Equal(["action            buy", "space.totalSpace  1", "space.state       active", "tags              a, b"], output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Print_Json_TheBodyAsItIs()
    {
        var (_, output, _) = Print(HttpStatusCode.Created, """{"id":"x","token":"t"}""", json: true);

        using var document = JsonDocument.Parse(output);
        Assert.Equal("t", document.RootElement.GetProperty("token").GetString());
    }

    [Fact]
    public void Print_NoContent_TheDoneLineForPeopleNothingForScripts()
    {
        Assert.Equal("revoked c1", Print(HttpStatusCode.NoContent, null, done: "revoked c1").Output.Trim());
        Assert.Equal("", Print(HttpStatusCode.NoContent, null, json: true, done: "revoked c1").Output);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Refused)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.Unavailable)]
    public void Print_ErrorEnvelope_OneLineOnStandardErrorAndTheExitCode(HttpStatusCode status, int expected)
    {
        var (exit, output, error) = Print(status, """{"error":{"code":"some_code","message":"Something is wrong."}}""");

        Assert.Equal(expected, exit);
        Assert.Equal("", output);
        Assert.Equal($"gatewayctl: Something is wrong. (HTTP {(int)status} some_code)", error.Trim());
    }

    [Fact]
    public void Print_ErrorThatIsNotAnEnvelope_TheStatusAndText()
    {
        var (_, _, error) = Print(HttpStatusCode.BadGateway, null, text: "upstream broke");

        Assert.Equal("gatewayctl: upstream broke (HTTP 502 502)", error.Trim());
    }

    private static (int Exit, string Output, string Error) Print(HttpStatusCode status, string? body, bool json = false, string? done = null, string? text = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        JsonElement? parsed = body is null ? null : JsonDocument.Parse(body).RootElement.Clone();
        var exit = AnswerPrinter.Print(new OpsAnswer(status, parsed, text ?? body ?? ""), done, json, new CtlConsole(output, error, false));
        return (exit, output.ToString(), error.ToString());
    }
}
