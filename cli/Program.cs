using KubeKernel.Cli;
using Spectre.Console.Cli;

// `-f -` reads standard input, as with kubectl; the parser would take the lone `-` for an option.
args = [.. args.Select((arg, i) => arg == "-" && i > 0 && args[i - 1] is "-f" or "--filename" ? KubeKernel.Adapters.Manifests.ManifestReader.StandardInput : arg)];

var app = new CommandApp();
app.Configure(KernelctlApp.Configure);
return app.Run(args);
