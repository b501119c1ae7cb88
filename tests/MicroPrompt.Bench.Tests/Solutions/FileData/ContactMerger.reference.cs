namespace Bench.FileData;

public sealed record Contact(string Email, string Name, string? Phone);

public static class ContactMerger
{
    public static IReadOnlyList<Contact> Merge(IEnumerable<Contact> contacts)
    {
        var merged = new List<Contact>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            var email = (contact.Email ?? "").Trim().ToLowerInvariant();
            if (email.Length == 0)
            {
                continue;
            }

            var name = (contact.Name ?? "").Trim();
            var phone = string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim();
            if (!index.TryGetValue(email, out var at))
            {
                index[email] = merged.Count;
                merged.Add(new Contact(email, name, phone));
                continue;
            }

            var existing = merged[at];
            merged[at] = existing with
            {
                Name = existing.Name.Length > 0 ? existing.Name : name,
                Phone = existing.Phone ?? phone,
            };
        }

        return merged;
    }
}
