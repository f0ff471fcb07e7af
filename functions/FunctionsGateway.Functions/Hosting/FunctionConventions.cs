namespace FunctionsGateway.Functions.Hosting;

/// <summary>Declares endpoints as Azure Functions; the function.json files are generated from these declarations.</summary>
internal static class FunctionConventions
{
    /// <summary>An HTTP-triggered function: the endpoint's route and methods become its <c>httpTrigger</c> binding.</summary>
    public static TBuilder AsFunction<TBuilder>(this TBuilder builder, string functionName)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithName(functionName).WithMetadata(new FunctionMetadata(functionName));

    /// <summary>A queue-triggered function: the Functions host posts each message to <c>/{functionName}</c>.</summary>
    public static TBuilder AsQueueFunction<TBuilder>(this TBuilder builder, string functionName, string queueName)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithName(functionName).WithMetadata(new FunctionMetadata(functionName, queueName)).ExcludeFromDescription();
}
