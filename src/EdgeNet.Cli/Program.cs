Console.WriteLine("edgenet");
