using System.CommandLine;

var root = new RootCommand("RecipeLang: check, lint, format, compile and dry-run cathode regeneration recipes.");
return root.Parse(args).Invoke();
