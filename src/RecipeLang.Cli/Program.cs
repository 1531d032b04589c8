using RecipeLang.Cli.Hosting;

return await CliApp.InvokeAsync(CliApp.CreateRoot(args.FirstOrDefault()), args, Console.Out, Console.Error);
