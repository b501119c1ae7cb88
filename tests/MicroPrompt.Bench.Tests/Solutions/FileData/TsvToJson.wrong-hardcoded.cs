// WRONG: returns the first example's JSON whatever the input.
namespace Bench.FileData;

public static class TsvToJson
{
    public static string Convert(string tsv) => "[{\"name\":\"Ada\",\"age\":\"36\"},{\"name\":\"Alan\",\"age\":\"41\"}]";
}
