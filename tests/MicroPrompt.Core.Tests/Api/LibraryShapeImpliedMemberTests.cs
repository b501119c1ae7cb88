using MicroPrompt.Api;
using MicroPrompt.Prompts;

namespace MicroPrompt.Core.Tests.Api;

public sealed class LibraryShapeImpliedMemberTests
{
    [Fact]
    public void Overrides_explicit_implementations_and_members_of_declared_interfaces_are_not_problems()
    {
        const string Contract = """
            public sealed class Bag<T> : IEnumerable<T>, IDisposable, IEquatable<Bag<T>>
            {
                public Bag(int capacity);
                public int Count { get; }
                public void Add(T item);
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            using System.Collections;

            public sealed class Bag<TItem> : IEnumerable<TItem>, IDisposable, IEquatable<Bag<TItem>>
            {
                private readonly List<TItem> _items;
                public Bag(int capacity) => _items = new(capacity);
                public int Count => _items.Count;
                public void Add(TItem item) => _items.Add(item);
                public IEnumerator<TItem> GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
                public void Dispose() => _items.Clear();
                public bool Equals(Bag<TItem>? other) => ReferenceEquals(this, other);
                public override bool Equals(object? obj) => Equals(obj as Bag<TItem>);
                public override int GetHashCode() => 0;
                public override string ToString() => $"{Count} items";
                public void Clear() => _items.Clear();
            }
            """, Contract, PromptKind.Library);

        var problem = Assert.Single(problems);
        Assert.Equal("public method 'Bag<TItem>.Clear()' is not part of the ## Contract: make it private or remove it", problem.Message);
    }

    [Fact]
    public void A_member_of_an_interface_the_contract_does_not_declare_is_told_to_be_implemented_explicitly()
    {
        const string Contract = "public sealed class Pool { public int Rent(); }";
        var problems = LibraryShapeChecker.Check("""
            public sealed class Pool : System.IDisposable
            {
                public int Rent() => 1;
                public void Dispose() { }
            }
            """, Contract, PromptKind.Library);

        var problem = Assert.Single(problems);
        Assert.Equal(
            "public method 'Pool.Dispose()' is not part of the ## Contract (it belongs to 'IDisposable', which the contract's 'Pool' does not implement): implement it explicitly or remove it",
            problem.Message);
    }

    [Fact]
    public void Members_of_an_interface_declared_in_the_contract_are_allowed_on_the_implementing_type()
    {
        const string Contract = """
            public interface IGreeter { string Greet(string name); }
            public sealed class Greeter : IGreeter { }
            """;

        var problems = LibraryShapeChecker.Check("""
            public interface IGreeter { string Greet(string name); }
            public sealed class Greeter : IGreeter
            {
                public string Greet(string name) => $"Hello, {name}!";
                public string Shout(string name) => Greet(name).ToUpperInvariant();
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(["public method 'Greeter.Shout(string)' is not part of the ## Contract: make it private or remove it"], problems.Select(p => p.Message));
    }

    [Fact]
    public void Enum_members_record_parameters_and_record_replacements_are_not_problems()
    {
        const string Contract = """
            public enum Color { Red, Green }
            public sealed record Point(int X, int Y);
            public readonly record struct Size(int Width, int Height);
            public record Line { public Point From { get; init; } public Point To { get; init; } }
            """;

        var problems = LibraryShapeChecker.Check("""
            namespace Shapes;

            public enum Color { Red, Green, Blue }

            public sealed record Point(int X, int Y)
            {
                public bool Equals(Point? other) => other is not null && X == other.X && Y == other.Y;
                public override int GetHashCode() => HashCode.Combine(X, Y);
                private bool PrintMembers(System.Text.StringBuilder b) { b.Append(X); return true; }
                public double Length => Math.Sqrt(X * X + Y * Y);
            }

            public readonly record struct Size(int Width, int Height)
            {
                public int Area => Width * Height;
            }

            public record Line(Point From, Point To)
            {
                protected Line(Line original) { From = original.From; To = original.To; }
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public property 'Point.Length' is not part of the ## Contract: make it private or remove it",
             "public property 'Size.Area' is not part of the ## Contract: make it private or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void A_record_struct_with_an_extra_positional_parameter_is_a_problem()
    {
        var problems = LibraryShapeChecker.Check(
            "public record struct Money(decimal Amount, string Currency, int Scale);",
            "public record struct Money(decimal Amount, string Currency);",
            PromptKind.Library);

        Assert.Equal(
            ["public constructor 'Money.Money(decimal, string, int)' is not part of the ## Contract, which declares 'Money.Money(decimal, string)' by that name: use the contract's signature, or make it private",
             "public property 'Money.Scale' is not part of the ## Contract: make it private or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void Constructors_a_parameterless_one_is_implied_when_the_contract_declares_none()
    {
        var implied = LibraryShapeChecker.Check(
            "public sealed class Clock { public Clock() { } public System.DateTime Now() => default; }",
            "public sealed class Clock { public System.DateTime Now(); }",
            PromptKind.Library);
        var extra = LibraryShapeChecker.Check(
            "public sealed class Clock { public Clock(int offset) { } public System.DateTime Now() => default; }",
            "public sealed class Clock { public System.DateTime Now(); }",
            PromptKind.Library);
        var declared = LibraryShapeChecker.Check(
            "public sealed class Clock(int offset) { public System.DateTime Now() => default; }",
            "public sealed class Clock { public Clock(int offset); public System.DateTime Now(); }",
            PromptKind.Library);

        Assert.Empty(implied);
        Assert.Equal(["public constructor 'Clock.Clock(int)' is not part of the ## Contract: make it private or remove it"], extra.Select(p => p.Message));
        Assert.Empty(declared);
    }

    [Fact]
    public void Operators_declared_in_the_contract_and_their_required_partners_are_allowed()
    {
        const string Contract = """
            public readonly struct Money
            {
                public Money(decimal amount);
                public decimal Amount { get; }
                public static Money operator +(Money a, Money b);
                public static bool operator ==(Money a, Money b);
                public static implicit operator decimal(Money m);
            }
            """;

        var problems = LibraryShapeChecker.Check("""
            public readonly struct Money : IEquatable<Money>
            {
                public Money(decimal amount) => Amount = amount;
                public decimal Amount { get; }
                public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
                public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount);
                public static bool operator ==(Money a, Money b) => a.Amount == b.Amount;
                public static bool operator !=(Money a, Money b) => !(a == b);
                public static implicit operator decimal(Money m) => m.Amount;
                public static explicit operator Money(decimal d) => new(d);
                public bool Equals(Money other) => this == other;
                public override bool Equals(object? obj) => obj is Money m && Equals(m);
                public override int GetHashCode() => Amount.GetHashCode();
            }
            """, Contract, PromptKind.Library);

        Assert.Equal(
            ["public operator 'Money.operator -(Money, Money)' is not part of the ## Contract: make it private or remove it",
             "public conversion 'Money.explicit operator Money(decimal)' is not part of the ## Contract: make it private or remove it",
             "public method 'Money.Equals(Money)' is not part of the ## Contract (it belongs to 'IEquatable', which the contract's 'Money' does not implement): implement it explicitly or remove it"],
            problems.Select(p => p.Message));
    }

    [Fact]
    public void A_contract_type_implementing_an_interface_of_a_package_is_not_checked_member_by_member()
    {
        const string Contract = "public sealed class Worker : IHostedService { }";
        var problems = LibraryShapeChecker.Check("""
            public sealed class Worker : IHostedService
            {
                public Task StartAsync(CancellationToken token) => Task.CompletedTask;
                public Task StopAsync(CancellationToken token) => Task.CompletedTask;
            }
            """, Contract, PromptKind.Library);

        Assert.Empty(problems);
    }
}
