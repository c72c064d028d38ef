global using Beratungspass.Browser.Tests.Infrastructure;
global using Beratungspass.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;
