// WRONG: keeps the first record of each address as it is, instead of merging the first non-blank name and phone.
namespace Bench.FileData;

public sealed record Contact(string Email, string Name, string? Phone);

public static class ContactMerger
{
    public static IReadOnlyList<Contact> Merge(IEnumerable<Contact> contacts) => contacts
        .Where(c => !string.IsNullOrWhiteSpace(c.Email))
        .GroupBy(c => c.Email.Trim().ToLowerInvariant())
        .Select(g => new Contact(g.Key, g.First().Name.Trim(), g.First().Phone?.Trim()))
        .ToList();
}
