using FunctionsGateway.Ctl;

return await Gatewayctl.RunAsync(args, CtlConsole.System, handler: null, CancellationToken.None);
