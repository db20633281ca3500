using System.CommandLine;

namespace Gem.Cli;

/// <summary>The list of subcommands. Add one line per capability.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return Atlas.ImportCommand.Create();
        yield return Monitor.MonitorCommand.Create();
        yield return Monitor.SocialCommand.Create();
        yield return Dashboard.SimulateCommand.Create();
        yield return Diary.StudyCommand.Create();
        yield break;
    }
}
