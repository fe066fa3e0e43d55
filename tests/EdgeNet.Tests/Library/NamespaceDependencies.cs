using System.Reflection;
using System.Reflection.Emit;

namespace EdgeNet.Tests.Library;

/// <summary>
/// Which namespaces of an assembly each namespace uses, read from the compiled code: base types, interfaces, fields,
/// signatures, generic constraints, locals, and every type, method and field named in the IL of each method body.
/// </summary>
internal static class NamespaceDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Namespace → the other namespaces of <paramref name="assembly"/> its types use.</summary>
    public static Dictionary<string, HashSet<string>> Of(Assembly assembly)
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Type type in assembly.GetTypes())
        {
            string from = NamespaceOf(type);
            if (!edges.TryGetValue(from, out HashSet<string>? uses))
            {
                edges[from] = uses = new HashSet<string>(StringComparer.Ordinal);
            }
            foreach (Type used in TypesUsedBy(type))
            {
                foreach (Type part in Parts(used))
                {
                    if (part.Assembly == assembly && NamespaceOf(part) is { Length: > 0 } to && to != from) // "": the compiler's own types
                    {
                        uses.Add(to);
                    }
                }
            }
        }
        return edges;
    }

    /// <summary>The namespace of a type, nested types counted with their outermost type (compiler-made types too).</summary>
    private static string NamespaceOf(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.Namespace ?? "";
    }

    /// <summary>A type with its element type and generic arguments, recursively.</summary>
    private static IEnumerable<Type> Parts(Type type)
    {
        if (type.IsGenericParameter)
        {
            yield break;
        }
        if (type.HasElementType)
        {
            foreach (Type part in Parts(type.GetElementType()!))
            {
                yield return part;
            }
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments())
            {
                foreach (Type part in Parts(argument))
                {
                    yield return part;
                }
            }
        }
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }
        foreach (Type face in type.GetInterfaces())
        {
            yield return face;
        }
        foreach (Type argument in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
        {
            foreach (Type constraint in argument.GetGenericParameterConstraints())
            {
                yield return constraint;
            }
        }
        foreach (FieldInfo field in type.GetFields(Everything))
        {
            yield return field.FieldType;
        }
        foreach (PropertyInfo property in type.GetProperties(Everything))
        {
            yield return property.PropertyType;
        }
        foreach (MethodBase method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
                foreach (Type argument in info.IsGenericMethodDefinition ? info.GetGenericArguments() : [])
                {
                    foreach (Type constraint in argument.GetGenericParameterConstraints())
                    {
                        yield return constraint;
                    }
                }
            }
            foreach (ParameterInfo parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
            MethodBody? body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }
            foreach (LocalVariableInfo local in body.LocalVariables)
            {
                yield return local.LocalType;
            }
            foreach (Type used in TypesNamedIn(method, body.GetILAsByteArray() ?? []))
            {
                yield return used;
            }
        }
    }

    /// <summary>The declaring types of the methods and fields, and the types, that the IL names as operands.</summary>
    private static IEnumerable<Type> TypesNamedIn(MethodBase method, byte[] il)
    {
        Type[] typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : [];
        Type[] methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : [];
        var found = new List<Type>();
        int at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            OpCode code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, at);
                    if (Resolve(method.Module, token, typeArguments, methodArguments) is { } type)
                    {
                        found.Add(type);
                    }
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    at += 4;
                    break;
            }
        }
        return found;
    }

    private static Type? Resolve(Module module, int token, Type[] typeArguments, Type[] methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments) switch
            {
                Type type => type,
                MemberInfo member => member.DeclaringType,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
