using KamFlows.App.Engine;
using KamFlows.App.Tests.Engine;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Pages;

/// <summary>
/// The app for page tests: <see cref="TasksApp"/> (fake clock, <see cref="Errand"/> to give tasks and
/// hear their completion) with <see cref="PingPong"/> too, whose effect fails on cue and which waits on
/// a party with a wake-up: what the processes board shows.
/// </summary>
public class PagesApp : TasksApp
{
    public PagesApp(Azurite azurite)
        : base(azurite)
    {
        ExtraServices = s =>
        {
            s.AddSingleton<IProcessDefinition, Errand>();
            s.AddSingleton<IProcessDefinition, PingPong>();
            s.AddSingleton<IEffectHandler>(Pongs);
        };
    }

    public PingEffects Pongs { get; } = new();
}
