namespace FunctionsGateway.Core.Mail;

/// <summary>One message to one recipient, with an HTML body and its plain-text alternative.</summary>
public sealed record OutgoingMail(string To, string Subject, string Html, string Text);
