// WRONG: prints the first example's report whatever the files say.
namespace Bench.FileData.LogLevelReport;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("INFO 2\nERROR 1\ntotal 3");
        return 0;
    }
}
