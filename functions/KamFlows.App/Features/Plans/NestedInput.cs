using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// Checks the data annotations of the objects nested in an input (and of each element of their
/// arrays), naming each wrong field by its JSON path ("goals[0].milestones[1].quarter"): the endpoint
/// validation checks the body's own fields only. Nested types are the input records of this feature.
/// </summary>
internal static class NestedInput
{
    public static IEnumerable<ValidationResult> Check(object input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Children(input, "");
    }

    private static IEnumerable<ValidationResult> Children(object owner, string path)
    {
        foreach (var property in owner.GetType().GetProperties())
        {
            var name = path + JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            switch (property.GetValue(owner))
            {
                case object child when IsInput(child.GetType()):
                    foreach (var result in Object(child, name))
                    {
                        yield return result;
                    }

                    break;
                case IEnumerable items when items is not string && IsInput(property.PropertyType.GetElementType()):
                    var i = 0;
                    foreach (var item in items)
                    {
                        var at = $"{name}[{i++}]";
                        if (item is null)
                        {
                            yield return new ValidationResult("An entry is empty.", [at]);
                            continue;
                        }

                        foreach (var result in Object(item, at))
                        {
                            yield return result;
                        }
                    }

                    break;
            }
        }
    }

    private static IEnumerable<ValidationResult> Object(object value, string path)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(m)}")]);
        }

        // Deeper only when this level is whole: a missing list has nothing to look into.
        if (results.Count == 0)
        {
            foreach (var result in Children(value, path + "."))
            {
                yield return result;
            }
        }
    }

    private static bool IsInput(Type? type) => type is not null && type.Namespace == typeof(NestedInput).Namespace && type.Name.EndsWith("Input", StringComparison.Ordinal);
}
