using System.ComponentModel.DataAnnotations;

namespace FunctionsGateway.Core.Storage.Backends;

/// <summary>Which backend uploads go to, section <c>Gateway:Backend</c>.</summary>
public sealed class BackendOptions
{
    public const string SectionName = "Gateway:Backend";

    /// <summary>The backend of uploads that do not name one. Default <c>local</c> (content kept in Blob storage).</summary>
    [Required(ErrorMessage = "Gateway:Backend:Default (Gateway__Backend__Default) is required.")]
    public string Default { get; set; } = LocalBackend.BackendName;
}
