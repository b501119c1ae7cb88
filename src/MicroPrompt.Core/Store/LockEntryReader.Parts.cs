using System.Text.Json;

namespace MicroPrompt.Store;

/// <summary>The parts of a lock entry (<see cref="LockUsage"/>, <see cref="LockGrade"/>, <see cref="LockFrontMatter"/>) and its nullable numbers.</summary>
internal static partial class LockEntryReader
{
    private static readonly string[] UsageFields = ["inputTokens", "outputTokens", "passes"];

    private static readonly string[] GradeFields =
        ["compiles", "examplesPassed", "examplesTotal", "firstCorrectPass", "judgeScore", "judgeModel", "judgeInputTokens", "judgeOutputTokens", "findings"];

    private static readonly string[] FrontMatterFields = ["textHash", "model", "namespace", "kind", "uses", "requires", "capabilities"];

    private static bool Usage(JsonElement value, out LockUsage? usage)
    {
        usage = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        long input = 0, output = 0;
        int passes = 0, seen = 0;

        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            var ok = Field(property, UsageFields, ref seen) switch
            {
                -1 => true,
                0 => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out input),
                1 => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out output),
                2 => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out passes),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        usage = new LockUsage { InputTokens = input, OutputTokens = output, Passes = passes };
        return true;
    }

    private static bool Grade(JsonElement value, out LockGrade? grade)
    {
        grade = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var compiles = false;
        int passed = 0, total = 0;
        int? firstCorrect = null;
        double? score = null;
        string? judgeModel = null;
        long? judgeInput = null, judgeOutput = null;
        List<string>? findings = null;
        var seen = 0;
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            var ok = Field(property, GradeFields, ref seen) switch
            {
                -1 => true,
                0 => Boolean(v, out compiles),
                1 => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out passed),
                2 => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out total),
                3 => Int32OrNull(v, out firstCorrect),
                4 => DoubleOrNull(v, out score),
                5 => Text(v, out judgeModel),
                6 => Int64OrNull(v, out judgeInput),
                7 => Int64OrNull(v, out judgeOutput),
                8 => Texts(v, out findings),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        grade = new LockGrade
        {
            Compiles = compiles, ExamplesPassed = passed, ExamplesTotal = total, FirstCorrectPass = firstCorrect, JudgeScore = score,
            JudgeModel = judgeModel, JudgeInputTokens = judgeInput, JudgeOutputTokens = judgeOutput, Findings = findings,
        };
        return true;
    }

    private static bool FrontMatter(JsonElement value, out LockFrontMatter? frontMatter)
    {
        frontMatter = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var read = new LockFrontMatter();
        var seen = 0;
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            var field = Field(property, FrontMatterFields, ref seen);
            string? text = null;
            List<string>? list = null;
            if (field < -1 || (field is >= 0 and <= 3 && !Text(v, out text)) || (field >= 4 && !Texts(v, out list)))
            {
                return false;
            }

            switch (field)
            {
                case 0: read.TextHash = text!; break;
                case 1: read.Model = text; break;
                case 2: read.Namespace = text; break;
                case 3: read.Kind = text; break;
                case 4: read.Uses = list; break;
                case 5: read.Requires = list; break;
                case 6: read.Capabilities = list; break;
            }
        }

        frontMatter = read;
        return true;
    }

    // A nullable number as the serializer reads one: null, or a number token of the type's range.
    private static bool Int32OrNull(JsonElement value, out int? result)
    {
        var number = 0;
        var ok = value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out number));
        result = value.ValueKind == JsonValueKind.Null ? null : number;
        return ok;
    }

    private static bool Int64OrNull(JsonElement value, out long? result)
    {
        var number = 0L;
        var ok = value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out number));
        result = value.ValueKind == JsonValueKind.Null ? null : number;
        return ok;
    }

    private static bool DoubleOrNull(JsonElement value, out double? result)
    {
        var number = 0d;
        var ok = value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out number));
        result = value.ValueKind == JsonValueKind.Null ? null : number;
        return ok;
    }
}
