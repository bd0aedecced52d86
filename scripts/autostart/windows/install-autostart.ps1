# Registers the "Hall Board" scheduled task on a Windows hall PC: at logon of the hall account
# it runs hall-board-loop.ps1 hidden, which keeps Hall Board running (restarts it when it ends).
# Run once, in PowerShell as administrator, signed in as (or naming) the hall's auto-login user:
#   powershell -ExecutionPolicy Bypass -File "C:\Program Files\Hall Board\resources\autostart\windows\install-autostart.ps1"
# Remove again: Unregister-ScheduledTask -TaskName 'Hall Board' -Confirm:$false
# Without Task Scheduler (no admin rights): put a shortcut to
#   powershell.exe -NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File "<this folder>\hall-board-loop.ps1"
# into the hall user's Startup folder (Win+R, shell:startup).
param(
  [string]$User = "$env:USERDOMAIN\$env:USERNAME",
  [string]$Loop = (Join-Path $PSScriptRoot 'hall-board-loop.ps1')
)

$action = New-ScheduledTaskAction -Execute 'powershell.exe' `
  -Argument "-NoProfile -ExecutionPolicy Bypass -WindowStyle Hidden -File `"$Loop`""
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
# Interactive: the walls need the user's desktop. No time limit; should the loop itself ever
# die, Task Scheduler starts it again every minute.
$principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit ([TimeSpan]::Zero) `
  -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) `
  -MultipleInstances IgnoreNew -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable

Register-ScheduledTask -TaskName 'Hall Board' -Description 'Keeps Hall Board (walls, kiosk, staff console) running' `
  -Action $action -Trigger $trigger -Principal $principal -Settings $settings -Force | Out-Null
Write-Output "Hall Board will start at logon of $User (loop: $Loop)."
