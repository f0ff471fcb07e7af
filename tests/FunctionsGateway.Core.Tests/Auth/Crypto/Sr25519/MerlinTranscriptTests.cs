using System.Text;
using FunctionsGateway.Core.Auth.Crypto.Sr25519;

namespace FunctionsGateway.Core.Tests.Auth.Crypto.Sr25519;

public sealed class MerlinTranscriptTests
{
    [Fact]
    public void ChallengeBytes_SimpleTranscript_MatchesMerlinVector()
    {
        var transcript = new MerlinTranscript("test protocol"u8);
        transcript.AppendMessage("some label"u8, "some data"u8);
        var challenge = new byte[32];
        transcript.ChallengeBytes("challenge"u8, challenge);
        Assert.Equal(Sr25519TestVectors.SimpleTranscriptChallenge, Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void ChallengeBytes_ComplexTranscript_MatchesMerlinVector()
    {
        // Crosses many permutation boundaries (1 KiB messages, repeated challenges).
        var transcript = new MerlinTranscript("test protocol"u8);
        transcript.AppendMessage("step1"u8, "some data"u8);
        var data = Encoding.ASCII.GetBytes(new string('c', 1024));
        var challenge = new byte[32];
        for (var i = 0; i < 32; i++)
        {
            transcript.ChallengeBytes("challenge"u8, challenge);
            transcript.AppendMessage("bigdata"u8, data);
            transcript.AppendMessage("challengedata"u8, challenge);
        }

        Assert.Equal(Sr25519TestVectors.ComplexTranscriptChallenge, Convert.ToHexStringLower(challenge));
    }

    [Fact]
    public void Clone_SameAppends_SameChallenges()
    {
        var a = new MerlinTranscript("p"u8);
        var b = a.Clone();
        a.AppendMessage("l"u8, "x"u8);
        b.AppendMessage("l"u8, "x"u8);
        var ca = new byte[64];
        var cb = new byte[64];
        a.ChallengeBytes("c"u8, ca);
        b.ChallengeBytes("c"u8, cb);
        Assert.Equal(ca, cb);
    }
}
