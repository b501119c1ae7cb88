// Jailed vs plain example harness on the 40 bench tasks (reference solutions): harness start and time per example,
// measured in the same run, modes alternating, median of the rounds. Usage: jail-benchmark.sh [rounds=5]
using System.Diagnostics;
using System.Globalization;
using MicroPrompt.Bench.Tests.Infrastructure;
using MicroPrompt.Verification;
using MicroPrompt.Verification.Jail;

var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var root = Path.Combine(Path.GetTempPath(), "mp-jail-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(Path.Combine(root, "project"));
var project = BenchProject.Context(Path.Combine(root, "project"));
var tasks = BenchLayout.Tasks;
var samples = new Dictionary<SandboxMode, List<(double StartMs, double PerExampleMs, double TotalMs)>>
{
    [SandboxMode.Process] = [],
    [SandboxMode.Jail] = [],
};

try
{
    for (var round = 0; round <= rounds; round++) // round 0 warms up Roslyn, the JIT and the jail probe; not counted
    {
        SandboxMode[] order = round % 2 == 1 ? [SandboxMode.Process, SandboxMode.Jail] : [SandboxMode.Jail, SandboxMode.Process];
        foreach (var mode in order)
        {
            var template = BenchProject.RunnerOptions(root);
            var options = new ExampleRunnerOptions
            {
                HostAssemblyPath = template.HostAssemblyPath,
                Timeout = template.Timeout,
                AspNetCore = template.AspNetCore,
                RuntimeReferencePaths = template.RuntimeReferencePaths,
                WorkRoot = root,
                Sandbox = mode,
            };
            using var runner = new ExampleRunner(options);
            var examples = 0;
            var failed = 0;
            var run = TimeSpan.Zero;
            var wall = Stopwatch.StartNew();
            foreach (var task in tasks)
            {
                var reference = BenchLayout.Solution($"{task.Id}.{BenchSolution.ReferenceSlug}");
                var report = await runner.RunAsync(new ExampleRunRequest
                {
                    ItemPath = task.ItemPath,
                    PromptFile = task.PromptPath,
                    Code = reference.Code,
                    Kind = task.Document.Kind,
                    Namespace = task.Namespace,
                    Project = project,
                    Examples = task.Document.Examples,
                }, CancellationToken.None);
                if (mode == SandboxMode.Jail && report.Total > 0 && report.Sandbox != SandboxKind.Jail)
                {
                    throw new InvalidOperationException("the jail is not available here (is bubblewrap installed?)");
                }

                examples += report.Total;
                failed += report.Total - report.Passed;
                run += report.RunTime;
            }

            wall.Stop();
            var start = runner.HarnessStartTime.TotalMilliseconds;
            var perExample = run.TotalMilliseconds / Math.Max(1, examples);
            if (round > 0)
            {
                samples[mode].Add((start, perExample, wall.Elapsed.TotalMilliseconds));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {(round == 0 ? "0 (warm-up)" : round.ToString(CultureInfo.InvariantCulture))} {mode,-7}: harness start {start,7:0} ms ({runner.HarnessStarts} start(s)), {examples} examples ({failed} failed), {perExample,7:0.0} ms per example, {wall.Elapsed.TotalSeconds,6:0.0} s in all"));
        }
    }
}
finally
{
    try
    {
        Directory.Delete(root, recursive: true);
    }
    catch (IOException)
    {
    }
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

var plain = samples[SandboxMode.Process];
var jailed = samples[SandboxMode.Jail];
Console.WriteLine();
Console.WriteLine("median of " + rounds + " rounds      process      jail     ratio");
foreach (var (name, pick) in new (string, Func<(double StartMs, double PerExampleMs, double TotalMs), double>)[]
         {
             ("harness start (ms)", s => s.StartMs),
             ("per example (ms)  ", s => s.PerExampleMs),
             ("40 tasks, wall (ms)", s => s.TotalMs),
         })
{
    var p = Median(plain.Select(pick));
    var j = Median(jailed.Select(pick));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {p,9:0.0} {j,9:0.0} {j / p,8:0.00}x"));
}
