using System.Text.Json;

// Reads every *.json under the folder in parallel with JsonDocument.Parse and prints how many steps they hold:
// what 'recipelang lint' of the same library would be if recipes were JSON and the checker did nothing.
var files = Directory.GetFiles(args[0], "*.json", SearchOption.AllDirectories);
var steps = 0;
Parallel.ForEach(files, file =>
{
    using var document = JsonDocument.Parse(File.ReadAllBytes(file));
    Interlocked.Add(ref steps, document.RootElement.GetProperty("steps").GetArrayLength());
});
Console.WriteLine($"{files.Length} files, {steps} steps");
