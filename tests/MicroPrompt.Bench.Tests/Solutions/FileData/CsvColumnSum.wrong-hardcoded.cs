// WRONG: prints the first example's answer whatever the file and column.
namespace Bench.FileData.CsvColumnSum;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("12.50");
        return 0;
    }
}
