using RecipeLang.Cli.Hosting;

return await CliApp.InvokeAsync(CliApp.CreateRoot(), args, Console.Out, Console.Error);
