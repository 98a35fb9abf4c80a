using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace KubeKernel.Analyzers.Tests;

/// <summary>The rules are live on the real kernel build: a kernel that reads the clock or enumerates a set into commands does not compile.</summary>
/// <remarks>
/// Builds <c>kernel/KubeKernel.csproj</c> itself — its own wiring, its own analyzer reference, its own sources — with two
/// extra files injected through MSBuild's <c>CustomAfterMicrosoftCommonTargets</c> hook, into a temporary output folder
/// so the repository's build outputs are untouched. Unit tests of the analyzer classes cannot catch a dropped
/// <c>ProjectReference</c>; this can.
/// </remarks>
public partial class GuardIsLiveTests
{
    private const string WallClockProbe = """
        namespace KubeKernel.Controllers;

        internal static class WallClockProbe
        {
            public static long StartedAt() => System.DateTime.Now.Ticks;
        }
        """;

    private const string UnorderedCommandsProbe = """
        using KubeKernel.Collections;
        using KubeKernel.Commands;
        using KubeKernel.Model;

        namespace KubeKernel.Kubelet;

        internal static class UnorderedCommandsProbe
        {
            public static ValueList<Command> KillAll(string node, ObjectRef pod, HashSet<string> containers)
            {
                var commands = new List<Command>();
                foreach (var container in containers)
                {
                    commands.Add(new KillContainer(node, pod, container, 30));
                }

                return commands.ToValueList();
            }
        }
        """;

    [Fact]
    public void The_kernel_build_fails_with_the_rule_ids_when_a_source_file_reads_the_clock_or_enumerates_a_set_into_commands()
    {
        var work = Directory.CreateTempSubdirectory("kernel-analyzers-live-");
        try
        {
            var wallClock = Write(work, "WallClockProbe.cs", WallClockProbe);
            var unordered = Write(work, "UnorderedCommandsProbe.cs", UnorderedCommandsProbe);
            var inject = Write(work, "inject.targets", $"""
                <Project>
                  <ItemGroup>
                    <Compile Include="{wallClock}" />
                    <Compile Include="{unordered}" />
                    <!-- Only the kernel builds elsewhere; its references (statemachines, the analyzer) are used as built. -->
                    <ProjectReference Update="@(ProjectReference)" GlobalPropertiesToRemove="%(GlobalPropertiesToRemove);OutputPath;IntermediateOutputPath;CustomAfterMicrosoftCommonTargets" />
                  </ItemGroup>
                </Project>
                """);

            var (exitCode, output) = BuildKernel(inject, work);

            var errors = ErrorLine().Matches(output)
                .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Id: m.Groups["id"].Value))
                .Distinct()
                .OrderBy(e => e.File, StringComparer.Ordinal)
                .ToList();
            Assert.True(exitCode != 0, $"the kernel built with DateTime.Now and an unordered foreach in it:\n{output}");
            Assert.Equal([("UnorderedCommandsProbe.cs", "KRN1002"), ("WallClockProbe.cs", "KRN1001")], errors);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Write(DirectoryInfo folder, string name, string text)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int ExitCode, string Output) BuildKernel(string injectTargets, DirectoryInfo work)
    {
        var metadata = typeof(GuardIsLiveTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value!);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "build", metadata["KernelProject"], "--no-restore", "-nologo", "-nodeReuse:false", "-v:quiet", "-clp:ErrorsOnly;NoSummary",
            "-c", metadata["Configuration"],
            "-p:BuildProjectReferences=false",
            $"-p:CustomAfterMicrosoftCommonTargets={injectTargets}",
            $"-p:IntermediateOutputPath={Path.Combine(work.FullName, "obj")}{Path.DirectorySeparatorChar}",
            $"-p:OutputPath={Path.Combine(work.FullName, "bin")}{Path.DirectorySeparatorChar}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables point into its own run; the child build finds its SDK by itself.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the kernel build did not finish in 5 minutes");
        }

        return (process.ExitCode, stdout + stderr.Result);
    }

    [GeneratedRegex(@"^(?<file>[^\s(][^(]*)\(\d+,\d+\): error (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
