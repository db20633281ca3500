using System.CommandLine;
using Gem.Cli;

// The `gem` command. Each capability contributes its own subcommand from its folder;
// this file only wires them together.
var root = new RootCommand("Gem: software for a regional mental-health ecosystem (GEM).");
foreach (var command in CliCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
