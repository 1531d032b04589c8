using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace RecipeLang.Generators;

internal enum ShapeKind
{
    String,
    Boolean,
    Double,
    Int32,
    Enum,
    List,
    Dictionary,
    Object,
    Unsupported,
}

/// <summary>A use of a type: its shape's key and whether null is allowed there.</summary>
internal readonly record struct TypeUse(string Key, bool Nullable);

/// <summary>An enum member and its JSON spelling.</summary>
internal readonly record struct EnumMember(string Name, string Spelling);

/// <summary>A settable or constructor-bound property, by its JSON name.</summary>
/// <param name="Parameter">Its constructor parameter's position, or -1 when it is set in an initializer.</param>
internal readonly record struct PropertyShape(string Name, string JsonName, TypeUse Type, int Parameter, bool Settable, bool Required);

/// <summary>A constructor parameter no JSON property may leave out (a non-nullable reference).</summary>
internal readonly record struct RequiredParameter(int Position, string JsonName);

/// <summary>
/// What the writer needs to know of one type, as plain values. Shapes compare by value, so the generator's output
/// step reruns when a catalog type or file changes, not on every edit of the project.
/// </summary>
/// <param name="Name">How generated code names the type.</param>
/// <param name="Element">The item (list) or value (dictionary) type.</param>
/// <param name="Arity">An object's constructor parameter count (0: a parameterless constructor).</param>
internal sealed record Shape(
    string Key,
    ShapeKind Kind,
    string Name,
    string DisplayName,
    TypeUse? Element,
    EquatableArray<EnumMember> Members,
    EquatableArray<PropertyShape> Properties,
    int Arity,
    EquatableArray<RequiredParameter> RequiredParameters);

/// <summary>A type a catalog file holds, by the metadata name the project gives and its shape's key.</summary>
internal readonly record struct RootType(string MetadataName, string Key);

/// <summary>The catalog's root types and the shapes of every type they reach.</summary>
internal sealed record CatalogTypes(EquatableArray<RootType> Roots, EquatableArray<Shape> Shapes);

/// <summary>Reads the shapes of the catalog's types from the compilation.</summary>
internal static class TypeShapes
{
    private static readonly SymbolDisplayFormat Display = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static CatalogTypes Collect(Compilation compilation, IEnumerable<string> roots)
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        var found = new List<RootType>();
        foreach (var root in roots)
        {
            if (compilation.GetTypeByMetadataName(root) is { } type)
                found.Add(new RootType(root, Add(type, shapes).Key));
        }
        return new CatalogTypes(new([.. found]), new([.. shapes.Values.OrderBy(s => s.Key, StringComparer.Ordinal)]));
    }

    private static TypeUse Use(ITypeSymbol type)
    {
        var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
        {
            type = wrapped.TypeArguments[0];
            nullable = true;
        }
        return new TypeUse(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Display), nullable);
    }

    private static TypeUse Add(ITypeSymbol type, Dictionary<string, Shape> shapes)
    {
        var use = Use(type);
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            type = wrapped.TypeArguments[0];
        if (shapes.ContainsKey(use.Key))
            return use;
        var name = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(Display);
        Shape Simple(ShapeKind kind) => new(use.Key, kind, name, type.Name, null, default, default, 0, default);
        // Registered before its members, so a type that reaches itself ends the walk.
        shapes[use.Key] = Simple(ShapeKind.Unsupported);
        shapes[use.Key] = type.SpecialType switch
        {
            SpecialType.System_String => Simple(ShapeKind.String),
            SpecialType.System_Boolean => Simple(ShapeKind.Boolean),
            SpecialType.System_Double => Simple(ShapeKind.Double),
            SpecialType.System_Int32 => Simple(ShapeKind.Int32),
            _ when type.TypeKind == TypeKind.Enum => Simple(ShapeKind.Enum) with { Members = EnumMembers(type) },
            _ when type is INamedTypeSymbol named => Named(named, use.Key, name, shapes) ?? Simple(ShapeKind.Unsupported),
            _ => Simple(ShapeKind.Unsupported),
        };
        return use;
    }

    private static EquatableArray<EnumMember> EnumMembers(ITypeSymbol type) => new([.. type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(member =>
    {
        var attribute = member.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "JsonStringEnumMemberNameAttribute");
        return new EnumMember(member.Name, attribute?.ConstructorArguments[0].Value as string ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member.Name));
    })]);

    private static Shape? Named(INamedTypeSymbol type, string key, string name, Dictionary<string, Shape> shapes)
    {
        switch (type.OriginalDefinition.ToDisplayString())
        {
            case "System.Collections.Generic.List<T>":
            case "System.Collections.Generic.IReadOnlyList<T>":
            case "System.Collections.Generic.IList<T>":
                return new Shape(key, ShapeKind.List, name, type.Name, Add(type.TypeArguments[0], shapes), default, default, 0, default);
            case "System.Collections.Generic.Dictionary<TKey, TValue>":
            case "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                return type.TypeArguments[0].SpecialType == SpecialType.System_String
                    ? new Shape(key, ShapeKind.Dictionary, name, type.Name, Add(type.TypeArguments[1], shapes), default, default, 0, default)
                    : null;
        }
        return type.TypeKind == TypeKind.Class ? Object(type, key, name, shapes) : null;
    }

    // A record binds through its public constructor with parameters (System.Text.Json's choice when there is one);
    // the other properties are set in an object initializer.
    private static Shape Object(INamedTypeSymbol type, string key, string name, Dictionary<string, Shape> shapes)
    {
        var constructor = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.Length > 0 && !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        var properties = new List<PropertyShape>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var property in t.GetMembers().OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && !p.IsIndexer && p.Name != "EqualityContract"))
            {
                var parameter = constructor?.Parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                properties.Add(new PropertyShape(property.Name, JsonNamingPolicy.CamelCase.ConvertName(property.Name), Add(property.Type, shapes),
                    parameter?.Ordinal ?? -1, property.SetMethod is not null, property.IsRequired));
            }
        }
        var required = constructor?.Parameters
            .Where(p => !p.Type.IsValueType && p.NullableAnnotation != NullableAnnotation.Annotated)
            .Select(p => new RequiredParameter(p.Ordinal, JsonNamingPolicy.CamelCase.ConvertName(p.Name)))
            .ToImmutableArray() ?? [];
        return new Shape(key, ShapeKind.Object, name, type.Name, null, default, new([.. properties]), constructor?.Parameters.Length ?? 0, new(required));
    }
}

/// <summary>An immutable array compared by its items, for the generator's cached pipeline values.</summary>
internal readonly struct EquatableArray<T>(ImmutableArray<T> items) : IEquatable<EquatableArray<T>>
{
    public ImmutableArray<T> Items => items.IsDefault ? [] : items;

    public bool Equals(EquatableArray<T> other) => Items.SequenceEqual(other.Items);

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in Items)
            hash = hash * 31 + (item?.GetHashCode() ?? 0);
        return hash;
    }
}
