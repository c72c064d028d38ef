global using Beratungspass.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
