using FunctionsGateway.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsGateway.Core.Mail;

/// <summary>Registers the configured <see cref="IMailSender"/>.</summary>
public static class MailServiceCollectionExtensions
{
    /// <summary><see cref="MailOptions"/> (section <c>Gateway:Mail</c>, validated on start) and the sender it names.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName)).ValidateOnStart(new MailOptionsValidator(), MailOptions.SectionName);
        services.AddHttpClient(SendGridMailSender.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<OutboxMailSender>();
        services.AddSingleton<SmtpMailSender>();
        services.AddSingleton(sp => new SendGridMailSender(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridMailSender.HttpClientName),
            sp.GetRequiredService<IOptions<MailOptions>>()));
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Sender switch
        {
            MailSenderKind.Smtp => sp.GetRequiredService<SmtpMailSender>(),
            MailSenderKind.SendGrid => sp.GetRequiredService<SendGridMailSender>(),
            _ => sp.GetRequiredService<OutboxMailSender>(),
        });
        return services;
    }
}
